using System.Security.Cryptography;
using System.Text;

namespace BackSiteGen.Trust;

/// <summary>The fingerprint of a page's text that a translation records in <c>translated_from:</c>: the file's text with
/// CRLF turned into LF, without the lines starting <c>last_reviewed:</c> or <c>next_review:</c> (a new review date alone
/// does not make a translation stale), every remaining line ended with "\n", SHA-256 of the UTF-8 bytes, the first 16
/// lowercase hexadecimal digits. The same as
/// <c>grep -vE '^(last_reviewed|next_review):' FILE | sha256sum | cut -c1-16</c>.</summary>
public static class TranslationFingerprint
{
    public const int Length = 16;

    public static string Of(string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var kept = new StringBuilder(normalized.Length + 1);
        var lines = normalized.Split('\n');

        // A final "\n" ends the last line rather than starting an empty one, as grep reads a file.
        var count = normalized.Length == 0 ? 0 : normalized.EndsWith('\n') ? lines.Length - 1 : lines.Length;
        for (var i = 0; i < count; i++)
        {
            var line = lines[i];
            if (line.StartsWith("last_reviewed:", StringComparison.Ordinal) || line.StartsWith("next_review:", StringComparison.Ordinal))
            {
                continue;
            }

            kept.Append(line).Append('\n');
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(kept.ToString()));
        return Convert.ToHexStringLower(hash)[..Length];
    }

    /// <summary>Whether a <c>translated_from:</c> value has the fingerprint's shape.</summary>
    public static bool IsWellFormed(string value) =>
        value.Length == Length && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    /// <summary>The front matter value as text: YAML reads sixteen decimal digits as a number, and drops leading zeros.</summary>
    public static string? Recorded(object? value) => value switch
    {
        string s => s.Trim(),
        long l => l.ToString("D" + Length, System.Globalization.CultureInfo.InvariantCulture),
        null => null,
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
