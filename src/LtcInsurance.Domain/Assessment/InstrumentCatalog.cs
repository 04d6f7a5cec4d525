namespace LtcInsurance.Domain.Assessment;

/// <summary>
/// Which instrument table a tenant scores with: the built-in tables unless the tenant has loaded its
/// own version of an instrument (same JSON format, e.g. a corrected band table).
/// </summary>
public sealed class InstrumentCatalog
{
    private readonly Dictionary<(string Tenant, string Id), AssessmentInstrument> _tenantTables = [];

    public static InstrumentCatalog BuiltIn { get; } = new();

    /// <summary>Makes <paramref name="table"/> the tenant's version of the instrument with the same id.</summary>
    public InstrumentCatalog Use(string tenant, AssessmentInstrument table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _tenantTables[(tenant, table.Id)] = table;
        return this;
    }

    public AssessmentInstrument For(string tenant, string id) =>
        _tenantTables.TryGetValue((tenant, id), out var table) ? table : AssessmentInstrument.BuiltInTable(id);
}
