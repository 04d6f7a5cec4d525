using System.Globalization;
using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Assessment;

/// <summary>A designated assessment agency (定点评估机构) under an agreement with the scheme, from and to dates.</summary>
public sealed class AssessmentAgency : ITenantOwned
{
    private AssessmentAgency()
    {
    }

    public string TenantId { get; private init; } = "";

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    /// <summary>The agreement code; assessor users carry it as their agency code.</summary>
    public string Code { get; private init; } = "";

    public string Name { get; private set; } = "";

    public DateOnly AgreementFrom { get; private set; }

    public DateOnly? AgreementTo { get; private set; }

    /// <summary>The care institution that is the same organisation, if any (三方分离: it may not assess the people it cares for).</summary>
    public Guid? CareInstitutionId { get; private set; }

    /// <summary>The agency also acts as 经办 for the scheme (三方分离: then it may not assess).</summary>
    public bool ActsAsHandlingAgency { get; private set; }

    public static AssessmentAgency Designate(string tenantId, string code, string name, DateOnly from, DateOnly? to, Guid? careInstitutionId, bool actsAsHandlingAgency)
    {
        AssessmentRule.Check(to < from, "invalid_agreement_dates", AssessmentClauses.Management, "协议终止日期不能早于起始日期");
        return new AssessmentAgency
        {
            TenantId = tenantId, Code = code, Name = name, AgreementFrom = from, AgreementTo = to,
            CareInstitutionId = careInstitutionId, ActsAsHandlingAgency = actsAsHandlingAgency,
        };
    }

    public bool InAgreementOn(DateOnly day) => AgreementFrom <= day && (AgreementTo is null || day <= AgreementTo);

    /// <summary>
    /// Three-way separation (三方分离) and the agreement: the agency may assess the application's person on <paramref name="on"/>
    /// only under an agreement in force, when it is not the 经办 and does not belong to the institution that cares for the
    /// person or applied for them.
    /// </summary>
    public void CheckMayAssess(AssessmentApplication application, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(application);
        AssessmentRule.Check(!InAgreementOn(on), AssessmentCodes.AgencyAgreement, AssessmentClauses.Management,
            $"评估机构 {Name} 的定点协议在 {on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} 不在有效期内，不能委派");
        AssessmentRule.Check(ActsAsHandlingAgency, AssessmentCodes.AgencyIsHandling, AssessmentClauses.Separation,
            $"评估机构 {Name} 同时承担经办业务，按三方分离要求不得承担评估（依据 {AssessmentClauses.Separation}）");
        var caring = CareInstitutionId is { } own
                     && (own == application.CareInstitutionId || own == application.ApplyingInstitutionId);
        AssessmentRule.Check(caring, AssessmentCodes.AgencyProvidesCare, AssessmentClauses.Separation,
            $"评估机构 {Name} 与为该人员提供护理服务（或代为申请）的护理机构属同一机构，按三方分离要求不得评估（依据 {AssessmentClauses.Separation}）");
    }
}

/// <summary>Qualifications of assessment staff: 评估员 or 评估专家.</summary>
public static class AssessorQualifications
{
    public const string Assessor = "assessor";
    public const string Expert = "expert";

    public static IReadOnlyList<string> All { get; } = [Assessor, Expert];

    public static string ChineseName(string code) => code == Expert ? "评估专家" : code == Assessor ? "评估员" : code;
}

/// <summary>A member of an agency's assessment staff with a qualification; <see cref="UserName"/> links the sign-in.</summary>
public sealed class Assessor : ITenantOwned
{
    private Assessor()
    {
    }

    public string TenantId { get; private init; } = "";

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid AgencyId { get; private init; }

    public string Name { get; private set; } = "";

    /// <summary>One of <see cref="AssessorQualifications"/>.</summary>
    public string Qualification { get; private set; } = AssessorQualifications.Assessor;

    public string CertificateNumber { get; private set; } = "";

    /// <summary>The user who signs in as this assessor (confirmations are by user), if they have one.</summary>
    public string? UserName { get; private set; }

    public bool IsExpert => Qualification == AssessorQualifications.Expert;

    public static Assessor Register(string tenantId, Guid agencyId, string name, string qualification, string certificateNumber, string? userName) =>
        new()
        {
            TenantId = tenantId, AgencyId = agencyId, Name = name, Qualification = qualification,
            CertificateNumber = certificateNumber, UserName = userName,
        };
}

/// <summary>A relation an assessor declared to a person (relative, employer, carer …): they are recused from that person.</summary>
public sealed class AssessorRelation : ITenantOwned
{
    private AssessorRelation()
    {
    }

    public string TenantId { get; private init; } = "";

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid AssessorId { get; private init; }

    public Guid PersonId { get; private init; }

    public string Relation { get; private init; } = "";

    public DateOnly DeclaredOn { get; private init; }

    public static AssessorRelation Declare(string tenantId, Guid assessorId, Guid personId, string relation, DateOnly on) =>
        new() { TenantId = tenantId, AssessorId = assessorId, PersonId = personId, Relation = relation, DeclaredOn = on };
}
