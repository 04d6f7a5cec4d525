using LtcInsurance.Domain.Policies.Parameters;

namespace LtcInsurance.Domain.Policies.Cases;

/// <summary>The five questions the engine answers.</summary>
public static class CaseKinds
{
    public const string Eligibility = "eligibility";
    public const string Contribution = "contribution";
    public const string Assessment = "assessment";
    public const string Settlement = "settlement";
    public const string Entitlement = "entitlement";

    public static readonly IReadOnlyList<string> All = [Eligibility, Contribution, Assessment, Settlement, Entitlement];
}

/// <summary>A question put to a tenant's policy on a date, with case-level parameter values.</summary>
public sealed record PolicyCase(
    string Kind,
    string Tenant,
    DateOnly AsOf,
    object Input,
    IReadOnlyDictionary<string, object?> Parameters);

/// <summary>The answer: a result record of the case's kind, the trace and every parameter used.</summary>
public sealed record PolicyEvaluation(object Result, IReadOnlyList<TraceStep> Trace, IReadOnlyList<ResolvedParameter> ParametersUsed);

/// <param name="FlexibleChoice">The scheme (<see cref="SchemeKinds"/> code) a flexible worker chose, where the city lets them choose.</param>
/// <param name="GuardianInsured">
/// For a minor where the city deems minors insured through a parent or legal guardian (YL 二(三)6): whether a parent
/// or guardian is insured. Required there; ignored elsewhere.
/// </param>
public sealed record EligibilityInput(Person Person, string? FlexibleChoice, bool? GuardianInsured = null);

public sealed record EligibilityResult(bool Eligible, string? Scheme, string Reason);

public sealed record ContributionInput(Person Person, string? FlexibleChoice, ContributionPeriod Period, decimal? MonthlyWage, decimal? MonthlyPension, bool? GuardianInsured = null);

/// <summary>
/// Who pays a contribution line: the engine's spelling of the payer codes, kept so the schemes read as before. The
/// vocabulary (Chinese names, clauses, ledger accounts) is <see cref="Vocabulary.Payer"/>; these are its codes.
/// </summary>
public static class Payers
{
    public const string Individual = Vocabulary.Payer.Codes.Individual;
    public const string Employer = Vocabulary.Payer.Codes.Employer;
    public const string MedicalFund = Vocabulary.Payer.Codes.MedicalFund;
    public const string Fiscal = Vocabulary.Payer.Codes.Fiscal;
    public const string FiscalSubsidy = Vocabulary.Payer.Codes.FiscalSubsidy;
}

public sealed record ContributionLine(string Payer, decimal Amount);

public sealed record ContributionResult(string Period, decimal Total, IReadOnlyList<ContributionLine> Lines, decimal IndividualDue);

public sealed record AssessmentInput(string Instrument, IReadOnlyDictionary<string, int> Items);

/// <summary>
/// Scores of an assessment: one total and grade per indicator (Barthel has a single indicator
/// "total"), the disability level when the instrument combines indicators, and the benefit decision.
/// </summary>
public sealed record AssessmentResult(
    string Instrument,
    IReadOnlyDictionary<string, int> Totals,
    IReadOnlyDictionary<string, string> Grades,
    int? Level,
    string? LevelLabel,
    bool EligibleForBenefit);

public sealed record Beneficiary(int? Level, DateOnly EntitledFrom, DateOnly? EntitledTo, decimal YearToDateFundPaid);

public sealed record ServiceLine(DateOnly Date, string Category, string Item, decimal Amount);

public sealed record HospitalStay(DateOnly Admitted, DateOnly? Discharged);

/// <summary>Line categories of a provider's bill.</summary>
public static class LineCategories
{
    public const string Care = "care";
    public const string MedicalCare = "medical_care";
    public const string Bed = "bed";
    public const string Meal = "meal";
    public const string Drug = "drug";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [Care, MedicalCare, Bed, Meal, Drug, Other];
}

public sealed record SettlementInput(
    Month Month,
    Beneficiary Beneficiary,
    ServiceMode ServiceMode,
    int? ProviderMedicalInstitutionLevel,
    IReadOnlyList<ServiceLine> Lines,
    IReadOnlyList<HospitalStay> HospitalStays);

/// <summary>Why a line gets no fund money (first applicable in this order).</summary>
public static class RejectionReasons
{
    public const string NotEntitled = "not_entitled";
    public const string Hospitalized = "hospitalized";
    public const string NotCoveredCategory = "not_covered_category";
    public const string MonthlyLimit = "monthly_limit";
    public const string AnnualCap = "annual_cap";
}

public sealed record SettlementLineResult(int Index, decimal Fund, decimal Individual, string? Rejected);

/// <summary>A limit or cap that lowered the month's fund payment without rejecting a line.</summary>
public sealed record SettlementReduction(string Reason, decimal Amount);

public sealed record SettlementResult(
    decimal Billed,
    decimal FundPays,
    decimal IndividualPays,
    IReadOnlyList<SettlementLineResult> Lines,
    IReadOnlyList<SettlementReduction> Reductions);

public sealed record EnrolmentGap(DateOnly From, DateOnly To);

/// <param name="Newborn">Marked as a newborn on the enrolment record.</param>
/// <param name="BirthDate">Optional; needed where the city counts newborns by age at enrolment.</param>
public sealed record Enrolment(DateOnly Since, IReadOnlyList<EnrolmentGap> Gaps, bool Newborn, DateOnly? BirthDate = null);

/// <param name="DisabledSince">When the disabling condition began (optional); checked where the document requires a lasting disability.</param>
public sealed record EntitlementInput(Enrolment? Enrolment, DateOnly ConclusionDate, DateOnly? PublicityEnds, DateOnly? ServiceStart, DateOnly? DisabledSince = null);

public sealed record EntitlementResult(DateOnly EntitledFrom, DateOnly? WaitingPeriodUntil);
