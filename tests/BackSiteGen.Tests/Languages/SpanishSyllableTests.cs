using BackSiteGen.Trust.Readability;

namespace BackSiteGen.Tests.Languages;

/// <summary>The Spanish syllable splitter against words split by hand, following the RAE's Ortografía (2010, § 1.4).</summary>
public sealed class SpanishSyllableTests
{
    [Theory]
    // Hiatus: two strong vowels, or an accented í / ú beside another vowel.
    [InlineData("país", "pa-ís")]
    [InlineData("leer", "le-er")]
    [InlineData("caos", "ca-os")]
    [InlineData("baúl", "ba-úl")]
    [InlineData("reír", "re-ír")]
    [InlineData("día", "dí-a")]
    [InlineData("poeta", "po-e-ta")]
    [InlineData("chiita", "chi-i-ta")]
    [InlineData("frío", "frí-o")]
    [InlineData("oído", "o-í-do")]
    // Diphthongs: a strong and a weak vowel, or two different weak ones.
    [InlineData("causa", "cau-sa")]
    [InlineData("aire", "ai-re")]
    [InlineData("bueno", "bue-no")]
    [InlineData("ciudad", "ciu-dad")]
    [InlineData("ruido", "rui-do")]
    [InlineData("tiene", "tie-ne")]
    [InlineData("médico", "mé-di-co")]
    [InlineData("espalda", "es-pal-da")]
    [InlineData("columna", "co-lum-na")]
    [InlineData("vértebra", "vér-te-bra")]
    // Triphthongs.
    [InlineData("buey", "buey")]
    [InlineData("Uruguay", "U-ru-guay")]
    [InlineData("estudiáis", "es-tu-diáis")]
    // qu, gu (silent u before e, i) and gü (spoken u).
    [InlineData("quiero", "quie-ro")]
    [InlineData("guía", "guí-a")]
    [InlineData("guerra", "gue-rra")]
    [InlineData("pingüino", "pin-güi-no")]
    [InlineData("vergüenza", "ver-güen-za")]
    [InlineData("agua", "a-gua")]
    [InlineData("química", "quí-mi-ca")]
    // y: a vowel at the end of a word, a consonant before a vowel.
    [InlineData("hoy", "hoy")]
    [InlineData("muy", "muy")]
    [InlineData("rey", "rey")]
    [InlineData("mayo", "ma-yo")]
    [InlineData("y", "y")]
    [InlineData("leyes", "le-yes")]
    // ll, rr, ch are one consonant.
    [InlineData("calle", "ca-lle")]
    [InlineData("perro", "pe-rro")]
    [InlineData("mucho", "mu-cho")]
    [InlineData("rodilla", "ro-di-lla")]
    // Consonant clusters: stop or f + r / l stay together, other pairs split.
    [InlineData("hablar", "ha-blar")]
    [InlineData("otro", "o-tro")]
    [InlineData("acto", "ac-to")]
    [InlineData("instante", "ins-tan-te")]
    [InlineData("abstracto", "abs-trac-to")]
    [InlineData("hombre", "hom-bre")]
    [InlineData("ahora", "a-ho-ra")]
    [InlineData("dolor", "do-lor")]
    [InlineData("lumbar", "lum-bar")]
    [InlineData("vertebrogénico", "ver-te-bro-gé-ni-co")]
    [InlineData("ejercicio", "e-jer-ci-cio")]
    [InlineData("inflamación", "in-fla-ma-ción")]
    [InlineData("tratamiento", "tra-ta-mien-to")]
    [InlineData("ablación", "a-bla-ción")]
    [InlineData("resonancia", "re-so-nan-cia")]
    public void Splits_a_word_as_written_by_hand(string word, string expected)
    {
        Assert.Equal(expected, SpanishSyllables.Split(word));
        Assert.Equal(expected.Split('-').Length, SpanishSyllables.Count(word));
    }

    [Fact]
    public void Indices_follow_the_published_formulas_on_hand_counted_text()
    {
        // "El do-lor de es-pal-da es co-mún. Ca-mi-nar a-yu-da." : 8 words, 2 sentences; syllables 1+2+1+3+1+2 + 3+3 = 16.
        var statistics = TextAnalyzer.AnalyzeSpanish(["El dolor de espalda es común. Caminar ayuda."]);
        Assert.Equal(new TextStatistics(8, 2, 16, 3), statistics);
        var score = SpanishReadability.From(statistics);
        Assert.Equal(206.835 - (62.3 * 16 / 8) - (8.0 / 2), score.Inflesz, 6);
        Assert.Equal(206.84 - (60.0 * 16 / 8) - (102.0 * 2 / 8), score.FernandezHuerta, 6);
        Assert.Equal("bastante fácil", score.Scale);
    }

    [Theory]
    [InlineData(39.9, "muy difícil")]
    [InlineData(40, "algo difícil")]
    [InlineData(55, "normal")]
    [InlineData(65, "bastante fácil")]
    [InlineData(80, "bastante fácil")]
    [InlineData(80.1, "muy fácil")]
    public void The_INFLESZ_scale_names_its_bands(double index, string scale) =>
        Assert.Equal(scale, (SpanishReadability.From(new TextStatistics(1, 1, 1, 0)) with { Inflesz = index }).Scale);

    [Fact]
    public void Spanish_sentences_open_with_inverted_marks_and_do_not_end_at_abbreviations()
    {
        var statistics = TextAnalyzer.AnalyzeSpanish(["¿Le duele? ¡Pida ayuda! Vea, p. ej., a la Dra. Ruiz."]);
        Assert.Equal(3, statistics.Sentences);
        Assert.Equal(11, statistics.Words);
    }
}
