namespace NewsBot.Knowledge.Tests.Support;

/// <summary>A six-document BEIR dataset where each judged query obviously matches one document.</summary>
internal static class TinyBeirDataset
{
    public static void Write(TempFolder folder)
    {
        folder.Write("corpus.jsonl", """
            {"_id": "d1", "title": "Volcano eruption", "text": "The volcano erupted overnight, sending lava and ash over the island villages."}
            {"_id": "d2", "title": "Marathon record", "text": "A Kenyan runner broke the marathon world record in Berlin on Sunday."}
            {"_id": "d3", "title": "Sourdough baking", "text": "Sourdough bread needs a starter culture, flour, water and a long fermentation."}
            {"_id": "d4", "title": "Honeybee decline", "text": "Pesticides and parasites are blamed for the decline of honeybee colonies."}
            {"_id": "d5", "title": "Jupiter moons", "text": "Astronomers counted twelve new moons orbiting Jupiter with a ground telescope."}
            {"_id": 6, "title": "Chess championship", "text": "The grandmaster won the chess championship after a tense tiebreak game."}
            """);
        folder.Write("queries.jsonl", """
            {"_id": "q1", "text": "lava from the volcano eruption"}
            {"_id": "q2", "text": "marathon world record runner"}
            {"_id": "q3", "text": "how to bake sourdough bread with a starter"}
            {"_id": "q4", "text": "who won the chess championship tiebreak"}
            {"_id": "q9", "text": "query without judgements is not evaluated"}
            """);
        folder.Write("qrels/test.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t1\nq3\td3\t2\nq4\t6\t1\nq4\td5\t0\n");
    }
}
