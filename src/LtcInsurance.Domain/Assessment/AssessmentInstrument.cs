using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LtcInsurance.Domain.Assessment;

/// <summary>One scored item of an instrument and the scores it allows.</summary>
public sealed record InstrumentItem(string Code, string Label, string Indicator, IReadOnlyList<int> Scores);

/// <summary>A score band of an indicator, inclusive on both ends.</summary>
public sealed record ScoreBand(string Grade, string Label, int Min, int Max);

/// <summary>A first-level indicator (e.g. ADL) whose items add up to a total read against bands.</summary>
public sealed record Indicator(string Code, string Label, IReadOnlyList<ScoreBand> Bands);

/// <summary>
/// The combination method (组合法): the row indicator's grade against the worst grade of the column
/// indicators gives the disability level.
/// </summary>
public sealed record LevelCombination(
    string RowIndicator,
    IReadOnlyList<string> ColumnIndicators,
    IReadOnlyList<string> GradeOrder,
    IReadOnlyDictionary<string, IReadOnlyList<int>> Matrix,
    IReadOnlyDictionary<string, string> LevelLabels);

/// <summary>
/// An assessment instrument as data (items, allowed scores, bands, level matrix), so that a tenant can
/// load a corrected version without a code change.
/// </summary>
public sealed record AssessmentInstrument(
    string Id,
    string Name,
    string Version,
    string Source,
    IReadOnlyList<InstrumentItem> Items,
    IReadOnlyList<Indicator> Indicators,
    LevelCombination? Combination)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.Strict,
    };

    private static readonly ConcurrentDictionary<string, AssessmentInstrument> BuiltIn = new();

    /// <summary>The ids of the instruments shipped with the product.</summary>
    public static IReadOnlyList<string> BuiltInIds { get; } = ["barthel", "national2021"];

    /// <summary>Reads an instrument table from JSON (the embedded defaults use the same format).</summary>
    public static AssessmentInstrument FromJson(string json) =>
        JsonSerializer.Deserialize<AssessmentInstrument>(json, JsonOptions)
        ?? throw new InvalidOperationException("empty instrument table");

    /// <summary>The built-in instrument with this id, or an <c>unknown_instrument</c> error.</summary>
    public static AssessmentInstrument BuiltInTable(string id)
    {
        if (!BuiltInIds.Contains(id))
        {
            throw new PolicyException(ErrorCodes.UnknownInstrument, $"未知评估量表 {id}（可用：{string.Join("、", BuiltInIds)}）");
        }

        return BuiltIn.GetOrAdd(id, static key =>
        {
            var assembly = typeof(AssessmentInstrument).Assembly;
            var resource = $"LtcInsurance.Domain.Assessment.Instruments.{key}.json";
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"missing embedded resource {resource}");
            using var reader = new StreamReader(stream);
            return FromJson(reader.ReadToEnd());
        });
    }

    public string GradeOf(string indicator, int total)
    {
        var bands = Indicators.First(i => i.Code == indicator).Bands.Where(b => total >= b.Min && total <= b.Max).ToList();
        return bands.Count == 1
            ? bands[0].Grade
            : throw new InvalidOperationException($"{Id}: total {total} of {indicator} falls in {bands.Count} bands");
    }

    /// <summary>
    /// Scores the items: totals and grades per indicator, and the level when combined. A sheet with a
    /// score outside an item's allowed set, a missing item or an unknown item is one kind of error for
    /// the caller (<c>invalid_item_score</c>); the message names the item and what is wrong with it.
    /// </summary>
    public InstrumentScore Score(IReadOnlyDictionary<string, int> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var code in items.Keys)
        {
            if (Items.All(i => i.Code != code))
            {
                throw new PolicyException(ErrorCodes.InvalidItemScore, $"量表 {Id} 没有评估项目 {code}");
            }
        }

        foreach (var item in Items)
        {
            if (!items.TryGetValue(item.Code, out var score))
            {
                throw new PolicyException(ErrorCodes.InvalidItemScore, $"缺少评估项目 {item.Code}（{item.Label}）");
            }

            if (!item.Scores.Contains(score))
            {
                throw new PolicyException(
                    ErrorCodes.InvalidItemScore,
                    $"评估项目 {item.Code}（{item.Label}）得分 {score} 无效，允许的得分：{string.Join("/", item.Scores)}");
            }
        }

        var totals = Indicators.ToDictionary(i => i.Code, i => Items.Where(it => it.Indicator == i.Code).Sum(it => items[it.Code]));
        var grades = totals.ToDictionary(t => t.Key, t => GradeOf(t.Key, t.Value));
        int? level = null;
        string? levelLabel = null;
        if (Combination is { } c)
        {
            var worstColumn = c.ColumnIndicators.Max(ci => IndexOfGrade(c, grades[ci]));
            level = c.Matrix[grades[c.RowIndicator]][worstColumn];
            levelLabel = c.LevelLabels.TryGetValue(level.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), out var label) ? label : null;
        }

        return new InstrumentScore(totals, grades, level, levelLabel);
    }

    private static int IndexOfGrade(LevelCombination combination, string grade)
    {
        var index = combination.GradeOrder.ToList().IndexOf(grade);
        return index >= 0 ? index : throw new InvalidOperationException($"grade {grade} missing from grade order");
    }
}

/// <summary>Totals and grades per indicator, and the combined level when the instrument has one.</summary>
public sealed record InstrumentScore(
    IReadOnlyDictionary<string, int> Totals,
    IReadOnlyDictionary<string, string> Grades,
    int? Level,
    string? LevelLabel);
