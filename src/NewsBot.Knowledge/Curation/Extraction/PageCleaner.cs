using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace NewsBot.Knowledge.Curation.Extraction;

/// <summary>
/// Removes from a parsed page everything that is not reading matter before the readability pass sees it: scripts,
/// styles, forms and their controls, frames and embeds, images and media (tracking pixels among them), and elements
/// hidden from readers (text a person would never see is a classic place for instructions aimed at machines).
/// </summary>
internal static class PageCleaner
{
    private const string Dropped =
        "script, style, noscript, template, iframe, frame, frameset, object, embed, applet, form, input, button, select, "
        + "textarea, option, svg, math, canvas, img, picture, source, video, audio, track, map, area, dialog, link, "
        + "[hidden], [aria-hidden='true']";

    public static void Clean(IHtmlDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var element in document.QuerySelectorAll(Dropped).ToList())
        {
            element.Remove();
        }

        foreach (var element in document.QuerySelectorAll("[style]").Where(IsHiddenByStyle).ToList())
        {
            element.Remove();
        }
    }

    private static bool IsHiddenByStyle(IElement element)
    {
        var style = string.Concat((element.GetAttribute("style") ?? string.Empty).Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();
        return style.Contains("display:none", StringComparison.Ordinal) || style.Contains("visibility:hidden", StringComparison.Ordinal);
    }
}
