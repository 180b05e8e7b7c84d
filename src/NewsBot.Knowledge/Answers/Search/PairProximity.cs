namespace NewsBot.Knowledge.Answers.Search;

/// <summary>
/// How often, and how closely, a passage holds two question terms near each other: the phrase frequency Lucene's
/// sloppy phrase scorer gives a two-term <c>PhraseQuery</c> with that slop, so that <see cref="PassageSearch"/>
/// scores proximity exactly like the Lucene query of the same <see cref="SearchPlan"/>.
/// </summary>
internal static class PairProximity
{
    /// <summary>
    /// Walks both position lists together, always moving the one behind. A match is the shortest window holding
    /// one occurrence of each term, measured after shifting the second term's positions back by
    /// <paramref name="distance"/> (so "a b" in the question and in the passage is 0 apart); each match within
    /// <paramref name="slop"/> adds 1 / (length + 1). With a slop of 0 only exact phrases count, one each.
    /// </summary>
    /// <param name="first">Positions of the first term in the passage, ascending.</param>
    /// <param name="second">Positions of the second term, ascending.</param>
    /// <param name="distance">Positions between the two terms in the question.</param>
    public static float Frequency(ReadOnlySpan<int> first, ReadOnlySpan<int> second, int distance, int slop)
    {
        if (first.IsEmpty || second.IsEmpty)
        {
            return 0;
        }

        return slop == 0 ? ExactMatches(first, second, distance) : Sloppy(first, second, distance, slop);
    }

    private static float ExactMatches(ReadOnlySpan<int> first, ReadOnlySpan<int> second, int distance)
    {
        var matches = 0;
        for (int i = 0, j = 0; i < first.Length && j < second.Length;)
        {
            var a = first[i];
            var b = second[j] - distance;
            if (a == b)
            {
                matches++;
                i++;
                j++;
            }
            else if (a < b)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return matches;
    }

    private static float Sloppy(ReadOnlySpan<int> first, ReadOnlySpan<int> second, int distance, int slop)
    {
        // i walks the first term's positions, j the second's (shifted back by the distance). The cursor behind is
        // the one at the lower position, the first term's on a tie; "end" is the furthest position either reached.
        int i = 0, j = 0;
        var a = first[0];
        var b = second[0] - distance;
        var end = Math.Max(a, b);
        var firstBehind = a <= b;
        var length = end - Math.Min(a, b);
        var ahead = firstBehind ? b : a;
        var frequency = 0f;
        while (firstBehind ? ++i < first.Length : ++j < second.Length)
        {
            var position = firstBehind ? first[i] : second[j] - distance;
            end = Math.Max(end, position);
            if (position > ahead)
            {
                // The window that ended here is as short as it gets: count it, and move the other cursor next.
                if (length <= slop)
                {
                    frequency += 1.0f / (length + 1);
                }

                firstBehind = !firstBehind;
                length = end - ahead;
                ahead = position;
            }
            else
            {
                length = Math.Min(length, end - position);
            }
        }

        if (length <= slop)
        {
            frequency += 1.0f / (length + 1);
        }

        return frequency;
    }
}
