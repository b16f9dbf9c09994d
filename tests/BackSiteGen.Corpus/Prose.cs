using System.Text;

namespace BackSiteGen.Corpus;

/// <summary>Short plain sentences, lists and tables drawn from <see cref="Words"/>.</summary>
internal sealed class Prose(Rng rng)
{
    public string Sentence() =>
        $"{rng.Pick(Words.Subjects)} {rng.Pick(Words.Verbs)} {rng.Pick(Words.Objects)} {rng.Pick(Words.Tails)}";

    /// <summary>Appends a paragraph; a citation, when given, closes its first sentence as pandoc expects.</summary>
    public void Paragraph(StringBuilder text, int sentences, string? citation = null, string? closingSentence = null)
    {
        for (var i = 0; i < sentences; i++)
        {
            text.Append(i == 0 ? "" : " ").Append(Sentence());
            if (i == 0 && citation is not null)
            {
                text.Append(' ').Append(citation);
            }
            text.Append('.');
        }
        if (closingSentence is not null)
        {
            text.Append(' ').Append(closingSentence);
        }
        text.Append("\n\n");
    }

    public void BulletList(StringBuilder text) => List(text, numbered: false);

    public void NumberedList(StringBuilder text) => List(text, numbered: true);

    public void Table(StringBuilder text)
    {
        text.Append("| Activity | How long | Note |\n| --- | --- | --- |\n");
        var rows = rng.PickDistinct(Words.TableActivities, rng.Between(4, 6));
        foreach (var activity in rows)
        {
            text.Append("| ").Append(activity)
                .Append(" | ").Append(rng.Pick(Words.TableAmounts))
                .Append(" | ").Append(rng.Pick(Words.TableNotes)).Append(" |\n");
        }
        text.Append('\n');
    }

    private void List(StringBuilder text, bool numbered)
    {
        var items = rng.PickDistinct(Words.ListItems, rng.Between(4, 6));
        for (var i = 0; i < items.Length; i++)
        {
            text.Append(numbered ? $"{i + 1}. " : "- ").Append(items[i]).Append(".\n");
        }
        text.Append('\n');
    }
}
