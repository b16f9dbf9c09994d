using System.Globalization;

namespace BackSiteGen.Trust.Readability;

/// <summary>A Spanish page's readability: the Szigriszt-Pazos perspicuity index, read on the INFLESZ scale, and the
/// Fernández-Huerta index, both from the counts of <see cref="TextAnalyzer.AnalyzeSpanish"/>.</summary>
/// <remarks>
/// Szigriszt-Pazos (Szigriszt Pazos F. <i>Sistemas predictivos de legibilidad del mensaje escrito: fórmula de
/// perspicuidad</i>. Doctoral thesis, Universidad Complutense de Madrid; 1993): 206.835 − 62.3 × syllables/words −
/// words/sentences. The INFLESZ scale (Barrio-Cantalejo IM, Simón-Lorda P, Melguizo M, et al. Validación de la Escala
/// INFLESZ para evaluar la legibilidad de los textos dirigidos a pacientes. <i>An Sist Sanit Navar</i>. 2008;31(2):135-152)
/// names its bands: below 40 "muy difícil", 40–55 "algo difícil", 55–65 "normal", 65–80 "bastante fácil", above 80
/// "muy fácil". Fernández-Huerta (Fernández Huerta J. Medidas sencillas de lecturabilidad. <i>Consigna</i>.
/// 1959;214:29-32) in its published form 206.84 − 0.60 P − 1.02 F, with P syllables and F sentences per 100 words,
/// that is 206.84 − 60 × syllables/words − 102 × sentences/words. (The often-quoted variant with 1.02 × words per
/// sentence is a later transcription; we keep the original's F.)
/// </remarks>
public sealed record SpanishReadability(TextStatistics Statistics, double Inflesz, double FernandezHuerta)
{
    public static SpanishReadability From(TextStatistics s)
    {
        if (s.Words == 0 || s.Sentences == 0)
        {
            return new SpanishReadability(s, 0, 0);
        }

        var syllablesPerWord = (double)s.Syllables / s.Words;
        var inflesz = 206.835 - (62.3 * syllablesPerWord) - ((double)s.Words / s.Sentences);
        var huerta = 206.84 - (60 * syllablesPerWord) - (102.0 * s.Sentences / s.Words);
        return new SpanishReadability(s, inflesz, huerta);
    }

    /// <summary>The INFLESZ band the index falls in.</summary>
    public string Scale => Inflesz switch
    {
        < 40 => "muy difícil",
        < 55 => "algo difícil",
        < 65 => "normal",
        <= 80 => "bastante fácil",
        _ => "muy fácil",
    };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"INFLESZ {Inflesz:0.0} ({Scale}), Fernández-Huerta {FernandezHuerta:0.0}");
}
