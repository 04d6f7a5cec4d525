using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Enrollment;

/// <summary>A designated care provider (定点护理服务机构) admitted to a scheme by agreement.</summary>
public sealed class Institution : ITenantOwned
{
    public required string TenantId { get; init; }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The scheme's agreement code; institution API users carry it as their provider code.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>The modes the institution is admitted for: codes of <see cref="ServiceMode"/> (<c>institution</c>, <c>home</c>, …).</summary>
    public string[] ServiceModes { get; set; } = [];

    /// <summary>医疗机构级别 1-3 for hospitals and clinics; null for care homes that are not medical institutions.</summary>
    public int? MedicalInstitutionLevel { get; set; }

    public required string RegionCode { get; set; }

    public InstitutionStatus Status { get; set; } = InstitutionStatus.Active;

    /// <summary>
    /// <c>institution</c> (定点护理服务机构) or <c>individual</c> (个体服务人员, SS 二(五)1 and YZ 四(一)1, who claim as
    /// providers too): codes of <see cref="Providers.ProviderKinds"/>.
    /// </summary>
    public string ProviderKind { get; set; } = Providers.ProviderKinds.Institution;

    /// <summary>First day of the provider agreement (定点协议).</summary>
    public DateOnly? AgreementFrom { get; set; }

    /// <summary>Last day of the provider agreement; null: open-ended.</summary>
    public DateOnly? AgreementTo { get; set; }

    /// <summary>开户银行 of the account the fund pays into.</summary>
    public string? BankName { get; set; }

    public string? BankAccountName { get; set; }

    public string? BankAccountNumber { get; set; }

    /// <summary>商业责任保险 policy number (SS 二(五)1).</summary>
    public string? LiabilityInsurancePolicy { get; set; }

    /// <summary>Last day the liability insurance covers.</summary>
    public DateOnly? LiabilityInsuranceTo { get; set; }

    /// <summary>Why the status was last changed (suspension, exit); the history is in <c>provider_changes</c>.</summary>
    public string? StatusReason { get; set; }

    /// <summary>The agreement is in force on <paramref name="day"/> (no dates recorded: not in force).</summary>
    public bool InAgreementOn(DateOnly day) => AgreementFrom is { } from && from <= day && (AgreementTo is null || day <= AgreementTo);
}

public enum InstitutionStatus
{
    Active,
    Suspended,
    /// <summary>退出 (the agreement ended or was cancelled).</summary>
    Terminated,
}
