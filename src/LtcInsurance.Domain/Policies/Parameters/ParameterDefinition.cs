namespace LtcInsurance.Domain.Policies.Parameters;

/// <summary>What kind of value a parameter holds; drives parsing of overrides and display.</summary>
public enum ParameterKind
{
    /// <summary>Yuan amount (decimal).</summary>
    Amount,

    /// <summary>A share such as 0.7 for 70% (decimal).</summary>
    Ratio,

    /// <summary>A whole number such as a count of months (decimal holding an integer).</summary>
    Count,

    /// <summary>A calendar date.</summary>
    Date,

    /// <summary>A code such as a strategy name or a band name.</summary>
    Text,

    /// <summary>A list of codes (region codes, covered categories).</summary>
    TextList,

    /// <summary>Yes/no switch.</summary>
    Flag,
}

/// <summary>
/// One value of a parameter from a given day on. A null <see cref="Value"/> means the document leaves
/// the figure to local rules: the parameter is declared but has no value until an admin sets one.
/// </summary>
public sealed record DatedValue(DateOnly From, object? Value, string? Note = null);

/// <summary>
/// A named policy figure with its legal source (OpenFisca style): values are keyed by the day they
/// take effect, so a past month is always recomputed with the figure then in force.
/// </summary>
public sealed record ParameterDefinition(
    string Name,
    ParameterKind Kind,
    string Unit,
    string Clause,
    string Label,
    IReadOnlyList<DatedValue> Values)
{
    /// <summary>The value in force on <paramref name="date"/>, or null when none applies.</summary>
    public DatedValue? ValueOn(DateOnly date) => Latest(Values, date);

    /// <summary>
    /// Of <paramref name="values"/>, the one with the latest <see cref="DatedValue.From"/> on or before <paramref name="date"/>
    /// (on the same day the later in the list), or null: a stable sort by day and its last element, without sorting.
    /// </summary>
    public static DatedValue? Latest(IReadOnlyList<DatedValue> values, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(values);
        DatedValue? latest = null;
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (value.From <= date && (latest is null || value.From >= latest.From))
            {
                latest = value;
            }
        }

        return latest;
    }

    /// <summary>Declares a parameter whose figure the document leaves to the tenant.</summary>
    public static ParameterDefinition WithoutValue(string name, ParameterKind kind, string unit, string clause, string label) =>
        new(name, kind, unit, clause, label, [new DatedValue(DateOnly.MinValue, null, "文件未规定，由管理员设置")]);

    /// <summary>Declares a parameter with one value in force from <paramref name="from"/>.</summary>
    public static ParameterDefinition Fixed(string name, ParameterKind kind, string unit, string clause, string label, object value, DateOnly? from = null) =>
        new(name, kind, unit, clause, label, [new DatedValue(from ?? DateOnly.MinValue, value)]);
}
