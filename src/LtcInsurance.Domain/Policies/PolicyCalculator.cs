using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Jining;
using LtcInsurance.Domain.Policies.Parameters;
using LtcInsurance.Domain.Policies.Shishi;
using LtcInsurance.Domain.Policies.Yulin;
using LtcInsurance.Domain.Policies.Yuzhong;
using LtcInsurance.Domain.Policies.Zhenjiang;

namespace LtcInsurance.Domain.Policies;

/// <summary>
/// The policy engine's front door, shared by `ltc calc` and the web application: evaluates a case
/// against a tenant's scheme and lists a tenant's parameters. Pure: no clock, no I/O.
/// </summary>
public sealed class PolicyCalculator(IParameterProvider parameters, InstrumentCatalog? instruments = null)
{
    private static readonly IReadOnlyDictionary<string, object?> NoCaseValues = new Dictionary<string, object?>();

    private readonly InstrumentCatalog _instruments = instruments ?? InstrumentCatalog.BuiltIn;

    /// <summary>Each tenant's declared parameters by name, listed once per calculator (not once per case).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyDictionary<string, ParameterDefinition>> _declared = new(StringComparer.Ordinal);

    /// <summary>A calculator over the documents' defaults with no tenant overrides.</summary>
    public PolicyCalculator()
        : this(new LayeredParameterProvider(DefaultParameters, ParameterOverrides.None))
    {
    }

    /// <summary>Every registered city's scheme (forwarded from <see cref="CityRegistry.Current"/>).</summary>
    public static IReadOnlyDictionary<string, CityScheme> Schemes => CityRegistry.Current.Schemes;

    /// <summary>Every tenant's parameter definitions as shipped with its city module (forwarded from <see cref="CityRegistry.Current"/>).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<ParameterDefinition>> DefaultParameters => CityRegistry.Current.DefaultParameters;

    /// <summary>A tenant's parameters (defaults merged with overrides): clause, unit, label, dated values.</summary>
    public IReadOnlyList<ParameterDefinition> ListParameters(string tenant) => parameters.Definitions(tenant);

    /// <summary>
    /// The rules from an assessment conclusion to benefits for <paramref name="tenant"/> (publicity, objection, validity,
    /// re-assessment, benefit start, entitlement intervals, hospital days, assessment fee), over this calculator's parameters
    /// with <paramref name="caseValues"/> on top. Each call's answer carries its own trace.
    /// </summary>
    public Entitlement.EntitlementRules Entitlement(string tenant, IReadOnlyDictionary<string, object?>? caseValues = null)
    {
        if (!Schemes.TryGetValue(tenant, out var scheme))
        {
            throw new PolicyException(ErrorCodes.UnknownTenant, $"未知租户 {tenant}（可用：{string.Join("、", Schemes.Keys)}）");
        }

        var declared = Declared(tenant);
        var values = Declared(declared, caseValues);
        return new Entitlement.EntitlementRules(scheme, new PolicyContext(new ParameterScope(parameters, tenant, values, declared), DateOnly.MinValue));
    }

    /// <summary>Evaluates one case. Throws <see cref="PolicyException"/> when the case cannot be answered.</summary>
    public PolicyEvaluation Evaluate(PolicyCase policyCase)
    {
        ArgumentNullException.ThrowIfNull(policyCase);
        if (policyCase.Kind == CaseKinds.Assessment && string.IsNullOrEmpty(policyCase.Tenant))
        {
            // an assessment may be scored without a tenant, against the default threshold
            var bare = new PolicyContext(new ParameterScope(parameters, string.Empty, new Dictionary<string, object?>()), policyCase.AsOf);
            var input = (AssessmentInput)policyCase.Input;
            var scored = CityScheme.AssessWith(AssessmentInstrument.BuiltInTable(input.Instrument), input, bare, null);
            return new PolicyEvaluation(scored, bare.Trace, []);
        }

        if (!Schemes.TryGetValue(policyCase.Tenant, out var scheme))
        {
            throw new PolicyException(ErrorCodes.UnknownTenant, $"未知租户 {policyCase.Tenant}（可用：{string.Join("、", Schemes.Keys)}）");
        }

        var declared = Declared(policyCase.Tenant);
        var caseValues = Declared(declared, policyCase.Parameters);
        var scope = new ParameterScope(parameters, policyCase.Tenant, caseValues, declared);
        var context = new PolicyContext(scope, policyCase.AsOf);
        object result = (policyCase.Kind, policyCase.Input) switch
        {
            (CaseKinds.Eligibility, EligibilityInput input) => scheme.Eligibility(input, context, policyCase.AsOf),
            (CaseKinds.Contribution, ContributionInput input) => scheme.Contribution(input, context),
            (CaseKinds.Assessment, AssessmentInput input) => scheme.Assessment(input, context, _instruments),
            (CaseKinds.Settlement, SettlementInput input) => scheme.Settlement(input, context),
            (CaseKinds.Entitlement, EntitlementInput input) => scheme.Entitlement(input, context),
            _ => throw new PolicyException(ErrorCodes.UnknownKind, $"未知的案例类型 {policyCase.Kind}"),
        };
        return new PolicyEvaluation(result, context.Trace, scope.Used);
    }

    /// <summary>
    /// Prepares the settlement of many beneficiaries' months of <paramref name="tenant"/> in <paramref name="month"/>: the
    /// parameters are resolved once for the session (once per service mode and level), not once per case. The session
    /// answers with the same amounts as <see cref="Evaluate"/> on a settlement case, without a trace (bulk settlement; a
    /// case shown to a person is evaluated with its trace). <paramref name="caseValues"/> play the part of a case's
    /// parameters. Refusals are the same codes and messages as <see cref="Evaluate"/>'s. Parameters are read as of
    /// <paramref name="asOf"/> (the month's first day when not given); a caller that also evaluates traced cases passes the
    /// same date it gives those cases, so both paths read the same parameter version.
    /// </summary>
    public SettlementSession PrepareSettlement(string tenant, Month month, IReadOnlyDictionary<string, object?>? caseValues = null, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (!Schemes.TryGetValue(tenant, out var scheme))
        {
            throw new PolicyException(ErrorCodes.UnknownTenant, $"未知租户 {tenant}（可用：{string.Join("、", Schemes.Keys)}）");
        }

        var declared = Declared(tenant);
        var values = Declared(declared, caseValues);
        return new SettlementSession(scheme, month, () => new PolicyContext(new ParameterScope(parameters, tenant, values, declared), asOf ?? month.FirstDay));
    }

    /// <summary>The tenant's parameter definitions by name, indexed once per calculator.</summary>
    internal IReadOnlyDictionary<string, ParameterDefinition> Declared(string tenant) =>
        _declared.TryGetValue(tenant, out var declared)
            ? declared
            : _declared.GetOrAdd(tenant, t => ParameterIndex.ByName(ListParameters(t)));

    /// <summary>The case values of parameters the tenant declares (another city's figures are left out).</summary>
    private static IReadOnlyDictionary<string, object?> Declared(IReadOnlyDictionary<string, ParameterDefinition> declared, IReadOnlyDictionary<string, object?>? caseValues) =>
        caseValues is null || caseValues.Count == 0
            ? NoCaseValues
            : caseValues.Where(p => declared.ContainsKey(p.Key)).ToDictionary(p => p.Key, p => p.Value);
}
