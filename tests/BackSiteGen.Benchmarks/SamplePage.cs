namespace BackSiteGen.Benchmarks;

/// <summary>A page shaped like the corpus pages: front matter, headings, lists, a table, links and citations.</summary>
internal static class SamplePage
{
    public static string Text { get; } = Build();

    private static string Build()
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("---\ntitle: Sample page\ndescription: A page for benchmarks.\norder: 3\nreviewed_by: Team\nlast_reviewed: 2026-01-10\nnext_review: 2028-01-10\n---\n\n");
        for (var section = 1; section <= 6; section++)
        {
            sb.Append("## Part ").Append(section).Append("\n\n");
            sb.Append("You can move a bit each day. Walk for a short time and rest when you need to. See [the next page](other.md#part-2) and [home](index.md).\n\n");
            sb.Append("### Small steps ").Append(section).Append("\n\n");
            sb.Append("- Sit up tall.\n- Breathe out slowly.\n- Keep your back long.\n\n");
            sb.Append("| Step | Time |\n|---|---|\n| Walk | 10 min |\n| Rest | 2 min |\n\n");
            sb.Append("Short walks help many people feel better over time, and they are easy to fit into a day.\n\n");
        }

        return sb.ToString();
    }
}
