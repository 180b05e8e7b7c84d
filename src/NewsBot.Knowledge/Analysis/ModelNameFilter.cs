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
internal sealed class ModelNameFilter : TokenFilter
{
    private const int MaxVersionLength = 8;

    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private readonly IOffsetAttribute _offset;
    private readonly IKeywordAttribute _keyword;
    private readonly Queue<State> _pending = new();
    private State? _lookahead;
    private bool _exhausted;

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
        if (_pending.Count > 0)
        {
            RestoreState(_pending.Dequeue());
            return true;
        }

        if (_lookahead is not null)
        {
            RestoreState(_lookahead);
            _lookahead = null;
        }
        else if (!ReadInput())
        {
            return false;
        }

        var term = _term.ToString();
        if (TrySplitJoined(term, out var name, out var version))
        {
            EmitSplit(name, version, term);
            return true;
        }

        if (IsVersion(term))
        {
            _keyword.IsKeyword = true;
            return true;
        }

        if (IsName(term))
        {
            JoinWithFollowingVersion(term);
        }

        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _pending.Clear();
        _lookahead = null;
        _exhausted = false;
    }

    private bool ReadInput()
    {
        if (_exhausted)
        {
            return false;
        }

        if (m_input.IncrementToken())
        {
            return true;
        }

        _exhausted = true;
        return false;
    }

    /// <summary>"phi2" → phi, 2, phi2 (the last two at one position), offsets within the original token.</summary>
    private void EmitSplit(string name, string version, string joined)
    {
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

    private void JoinWithFollowingVersion(string name)
    {
        var nameState = CaptureState();
        var nameStart = _offset.StartOffset;
        var nameEnd = _offset.EndOffset;
        if (!ReadInput())
        {
            RestoreState(nameState);
            return;
        }

        var next = _term.ToString();
        if (IsVersion(next) && _position.PositionIncrement == 1 && _offset.StartOffset - nameEnd <= 1)
        {
            _keyword.IsKeyword = true;
            var versionEnd = _offset.EndOffset;
            _pending.Enqueue(CaptureState());
            _term.SetEmpty().Append(name).Append(next);
            _position.PositionIncrement = 0;
            _offset.SetOffset(nameStart, versionEnd);
            _pending.Enqueue(CaptureState());
        }
        else
        {
            _lookahead = CaptureState();
        }

        RestoreState(nameState);
    }

    private static bool TrySplitJoined(string term, out string name, out string version)
    {
        var i = 0;
        while (i < term.Length && char.IsAsciiLetterLower(term[i]))
        {
            i++;
        }

        if (i > 0 && i < term.Length && IsVersion(term[i..]))
        {
            name = term[..i];
            version = term[i..];
            return true;
        }

        name = version = string.Empty;
        return false;
    }

    private static bool IsName(string term) => term.Length > 0 && term.All(char.IsAsciiLetterLower);

    /// <summary>"2", "4o", "3.1", "405b", "8x7b" — but not a year such as 2023, which would join "March 2023".</summary>
    private static bool IsVersion(string term)
    {
        if (term.Length == 0 || term.Length > MaxVersionLength || !char.IsAsciiDigit(term[0]) || term[^1] == '.')
        {
            return false;
        }

        if (term.Length == 4 && term.All(char.IsAsciiDigit) && (term.StartsWith("19", StringComparison.Ordinal) || term.StartsWith("20", StringComparison.Ordinal)))
        {
            return false;
        }

        return term.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c) || c == '.');
    }
}
