namespace BackSiteGen.Corpus;

internal sealed record Heading(int Level, string Text)
{
    /// <summary>
    /// The id GitHub (and Markdig's GitHub mode, and Hugo's default) gives the heading: lower case,
    /// spaces to hyphens, punctuation dropped. Heading texts here are letters and spaces only,
    /// so every tool agrees on it.
    /// </summary>
    public string Anchor { get; } = GitHubAnchor(Text);

    private static string GitHubAnchor(string text)
    {
        var chars = new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                chars[length++] = char.ToLowerInvariant(c);
            }
            else if (c == ' ')
            {
                chars[length++] = '-';
            }
        }
        return new string(chars, 0, length);
    }
}
