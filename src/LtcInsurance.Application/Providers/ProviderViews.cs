using LtcInsurance.Domain.Enrollment;

namespace LtcInsurance.Application.Providers;

/// <summary>A provider in the register's list.</summary>
/// <param name="Kind">A <see cref="Domain.Providers.ProviderKinds"/> code.</param>
/// <param name="ServiceModes">Codes of <see cref="Domain.Vocabulary.ServiceModes"/>.</param>
/// <param name="SanctionedToday">A sanction of the provider is in force today.</param>
public sealed record ProviderSummary(
    Guid Id,
    string Code,
    string Name,
    string Kind,
    IReadOnlyList<string> ServiceModes,
    int? MedicalInstitutionLevel,
    string RegionCode,
    InstitutionStatus Status,
    DateOnly? AgreementFrom,
    DateOnly? AgreementTo,
    bool SanctionedToday);

/// <summary>Everything the register keeps of one provider, with its staff, sanctions and history.</summary>
public sealed record ProviderDetail(
    ProviderSummary Summary,
    string? BankName,
    string? BankAccountName,
    string? BankAccountNumber,
    string? LiabilityInsurancePolicy,
    DateOnly? LiabilityInsuranceTo,
    string? StatusReason,
    IReadOnlyList<CareWorkerView> CareWorkers,
    IReadOnlyList<SanctionView> Sanctions,
    IReadOnlyList<ProviderChangeView> Changes);

/// <param name="MaskedIdNumber">The ID number with its middle starred (the full number is not shown in lists).</param>
/// <param name="Qualifications">Codes of <see cref="Domain.Providers.CareQualifications"/>.</param>
public sealed record CareWorkerView(Guid Id, Guid InstitutionId, string Name, string MaskedIdNumber, IReadOnlyList<string> Qualifications, bool Active,
    bool SanctionedToday);

/// <param name="SubjectKind">A <see cref="Domain.Providers.SanctionSubjects"/> code.</param>
public sealed record SanctionView(
    Guid Id,
    string SubjectKind,
    Guid SubjectId,
    string SubjectName,
    string ProviderCode,
    DateOnly From,
    DateOnly? To,
    string Reason,
    string Clause,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    string? EndReason,
    string? EndedBy,
    DateTimeOffset? EndedAt,
    bool InForceToday);

/// <param name="Field">A <see cref="ProviderFields"/> name.</param>
public sealed record ProviderChangeView(string Field, string? Before, string? After, string? Note, Guid? CareWorkerId, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>The terms a provider is admitted under (定点协议) and where the fund pays it.</summary>
/// <param name="ServiceModes">Codes of <see cref="Domain.Vocabulary.ServiceModes"/> the agreement admits.</param>
/// <param name="MedicalInstitutionLevel">一/二/三级 (1-3) for medical institutions (JN 三(二) pays 医疗专护 by it); null otherwise.</param>
public sealed record ProviderTerms(
    string Name,
    IReadOnlyList<string> ServiceModes,
    int? MedicalInstitutionLevel,
    string RegionCode,
    DateOnly? AgreementFrom,
    DateOnly? AgreementTo,
    string? BankName,
    string? BankAccountName,
    string? BankAccountNumber,
    string? LiabilityInsurancePolicy,
    DateOnly? LiabilityInsuranceTo);
