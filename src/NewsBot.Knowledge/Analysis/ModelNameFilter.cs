using System.Buffers;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace NewsBot.Knowledge.Analysis;

/// <summary>
/// Makes model names match however they are typed. A word followed by a version ("phi 2", "Phi-2",
/// "GPT-4o", "Llama 3.1") and the same name written as one token ("phi2", "gpt4o", "llama3.1") both
/// become the stream <c>word</c>, <c>version</c>, and the joined form at the version's position
/// (<c>phi</c>, <c>2</c>, <c>phi2</c>). The joined form is rare and so carries a high IDF, which is what
/// lets a question about "GPT-5" tell that the collection does not mention it.
/// Versions and joined forms are marked as keywords so stemming leaves them alone.
/// </summary>
/// <remarks>
/// The filter streams: every token goes out as soon as it is read. A word that could be a name is remembered
/// (copied into a reused buffer, since stemming changes the term once it has gone out); when the next token is
/// its version, the joined form is queued behind the version. Only joined forms capture attribute states, so
/// ordinary words cost no allocation (looking one token ahead instead, with a captured state per word, made
/// this filter most of the analysis time).
/// </remarks>
internal sealed class ModelNameFilter : TokenFilter
{
    private const int MaxVersionLength = 8;

    private static readonly SearchValues<char> NameChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz");
    private static readonly SearchValues<char> VersionChars = SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyz.");

    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private readonly IOffsetAttribute _offset;
    private readonly IKeywordAttribute _keyword;
    private readonly Queue<State> _pending = new();

    /// <summary>The previous token when it could be a name (<see cref="_nameLength"/> 0 when it could not).</summary>
    private char[] _name = new char[32];
    private int _nameLength;
    private int _nameStart;
    private int _nameEnd;

    public ModelNameFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pending.TryDequeue(out var state))
        {
            RestoreState(state);
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        var term = _term.Buffer.AsSpan(0, _term.Length);
        if (IsVersion(term))
        {
            _keyword.IsKeyword = true;
            if (FollowsName())
            {
                QueueJoined();
            }

            _nameLength = 0;
            return true;
        }

        _nameLength = 0;
        if (TrySplitJoined(term, out var nameLength))
        {
            EmitSplit(term.ToString(), nameLength);
        }
        else if (IsName(term))
        {
            RememberName(term);
        }

        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _pending.Clear();
        _nameLength = 0;
    }

    private void RememberName(ReadOnlySpan<char> term)
    {
        if (_name.Length < term.Length)
        {
            _name = new char[term.Length];
        }

        term.CopyTo(_name);
        _nameLength = term.Length;
        _nameStart = _offset.StartOffset;
        _nameEnd = _offset.EndOffset;
    }

    /// <summary>True when the current token comes right after the remembered name: next position, at most one character between.</summary>
    private bool FollowsName() =>
        _nameLength > 0 && _position.PositionIncrement == 1 && _offset.StartOffset - _nameEnd <= 1;

    /// <summary>Queues name + version at the version's position; the attributes are left holding the version.</summary>
    private void QueueJoined()
    {
        var version = CaptureState();
        var versionText = _term.ToString();
        var versionEnd = _offset.EndOffset;

        _term.CopyBuffer(_name, 0, _nameLength);
        _term.Append(versionText);
        _position.PositionIncrement = 0;
        _offset.SetOffset(_nameStart, versionEnd);
        _pending.Enqueue(CaptureState());

        RestoreState(version);
    }

    /// <summary>"phi2" → phi, 2, phi2 (the last two at one position), offsets within the original token.</summary>
    private void EmitSplit(string joined, int nameLength)
    {
        var name = joined[..nameLength];
        var version = joined[nameLength..];
        var increment = _position.PositionIncrement;
        var start = _offset.StartOffset;
        var end = _offset.EndOffset;
        var nameEnd = end - start == joined.Length ? start + name.Length : end;

        _term.SetEmpty().Append(version);
        _position.PositionIncrement = 1;
        _offset.SetOffset(nameEnd, end);
        _keyword.IsKeyword = true;
        _pending.Enqueue(CaptureState());

        _term.SetEmpty().Append(joined);
        _position.PositionIncrement = 0;
        _offset.SetOffset(start, end);
        _pending.Enqueue(CaptureState());

        // The name goes out now, at the original token's position.
        _term.SetEmpty().Append(name);
        _position.PositionIncrement = increment;
        _offset.SetOffset(start, nameEnd);
        _keyword.IsKeyword = false;
    }

    /// <summary>"phi2", "gpt4o", "llama3.1": letters, then a version.</summary>
    private static bool TrySplitJoined(ReadOnlySpan<char> term, out int nameLength)
    {
        nameLength = term.IndexOfAnyExcept(NameChars);
        return nameLength > 0 && IsVersion(term[nameLength..]);
    }

    private static bool IsName(ReadOnlySpan<char> term) => term.Length > 0 && !term.ContainsAnyExcept(NameChars);

    /// <summary>"2", "4o", "3.1", "405b", "8x7b" — but not a year such as 2023, which would join "March 2023".</summary>
    private static bool IsVersion(ReadOnlySpan<char> term)
    {
        if (term.Length == 0 || term.Length > MaxVersionLength || !char.IsAsciiDigit(term[0]) || term[^1] == '.')
        {
            return false;
        }

        if (term.Length == 4 && !term.ContainsAnyExceptInRange('0', '9') && (term.StartsWith("19") || term.StartsWith("20")))
        {
            return false;
        }

        return !term.ContainsAnyExcept(VersionChars);
    }
}
