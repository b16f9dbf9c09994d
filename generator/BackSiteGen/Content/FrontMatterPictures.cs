using BackSiteGen.Config;
using BackSiteGen.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace BackSiteGen.Content;

/// <summary>Checks <c>exercise.pictures</c>, the positions an exercise page draws: each needs a label the reader sees
/// (Start, Middle, End), the image file and alt text that describes the position. A picture without alt text would
/// be silently decorative to a screen reader user, so it is an error at the picture's own line.</summary>
public static class FrontMatterPictures
{
    public const string Key = "pictures";

    private static readonly string[] PictureKeys = ["label", "caption", "image", "alt"];
    private static readonly string[] Required = ["label", "image", "alt"];

    public static void Check(YamlMappingNode exercise, YamlValues values, DiagnosticBag diagnostics)
    {
        var entry = exercise.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: Key });
        if (entry.Value is null || YamlSource.IsNull(entry.Value))
        {
            return;
        }

        if (entry.Value is not YamlSequenceNode list)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FrontMatterWrongType, values.Span(entry.Value), "'pictures' must be a list, each picture starting with '- label:'."));
            return;
        }

        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode picture)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FrontMatterWrongType, values.Span(item), "Each picture must be a mapping with 'label', 'image' and 'alt' (and optionally 'caption')."));
                continue;
            }

            var given = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (keyNode, value) in picture.Children)
            {
                if (keyNode is not YamlScalarNode { Value: { } key } keyScalar)
                {
                    continue;
                }

                if (!PictureKeys.Contains(key))
                {
                    values.UnknownKey(keyScalar, DiagnosticCodes.ExercisePictureUnknownKey, PictureKeys, "an exercise picture");
                    continue;
                }

                if (!string.IsNullOrWhiteSpace(values.Text(key, value)))
                {
                    given.Add(key);
                }
            }

            var missing = Required.Where(k => !given.Contains(k)).ToList();
            if (missing.Count > 0)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ExercisePictureIncomplete, values.Span(picture), $"This exercise picture has no {string.Join(" or ", missing.Select(k => $"'{k}'"))}: each picture needs a label the reader sees (such as Start or End), its image file and alt text that describes the position."));
            }
        }
    }
}
