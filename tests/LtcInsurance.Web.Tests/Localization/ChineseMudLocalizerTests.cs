using System.Collections;
using System.Globalization;
using System.Resources;
using LtcInsurance.Web.Localization;

namespace LtcInsurance.Web.Tests.Localization;

/// <summary>MudBlazor's own texts (pager, filters, pickers) are all in Chinese, and its placeholders survive.</summary>
public sealed class ChineseMudLocalizerTests
{
    private static Dictionary<string, string> MudBlazorEnglish()
    {
        var assembly = typeof(MudBlazor.MudDataGrid<>).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("LanguageResource.resources", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new ResourceReader(stream);
        return reader.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    [Fact]
    public void Every_text_of_the_component_library_has_a_Chinese_translation_with_the_same_placeholders()
    {
        var english = MudBlazorEnglish();
        Assert.True(english.Count > 100);

        var missing = english.Keys.Where(k => !ChineseMudLocalizer.Texts.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "Untranslated MudBlazor texts: " + string.Join(", ", missing));

        foreach (var (key, text) in english)
        {
            var placeholders = Placeholders(text);
            Assert.True(placeholders.SetEquals(Placeholders(ChineseMudLocalizer.Texts[key])), $"{key}: placeholders differ");
        }
    }

    [Fact]
    public void Chinese_under_zh_CN_and_the_library_English_under_en()
    {
        var localizer = new ChineseMudLocalizer();
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
            var info = localizer["MudDataGridPager_InfoFormat", 1, 10, 200];
            Assert.False(info.ResourceNotFound);
            Assert.Equal("第 1–10 条，共 200 条", info.Value);

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.True(localizer["MudDataGridPager_RowsPerPage"].ResourceNotFound);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static HashSet<string> Placeholders(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value)];
}
