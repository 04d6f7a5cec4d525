using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Enrollment.Rules;
using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Enrollment;

/// <summary>
/// The insured guardian a minor follows (YL 二(三)6: minors not in work are insured with their guardian). One link
/// per minor; replacing the guardian updates it. Created and changed with <see cref="InsuredPerson.AssignGuardian"/>.
/// </summary>
public sealed class GuardianLink : ITenantOwned
{
    /// <summary>For EF Core, which sets the properties from the row.</summary>
    private GuardianLink()
    {
    }

    public string TenantId { get; private init; } = "";

    public Guid MinorId { get; private init; }

    public Guid GuardianId { get; private set; }

    /// <summary>Relationship as recorded (父亲, 母亲, 祖父母, 其他监护人).</summary>
    public string Relationship { get; private set; } = "";

    public DateOnly Since { get; private set; }

    internal static GuardianLink Create(InsuredPerson minor, InsuredPerson guardian, string relationship, DateOnly since)
    {
        var link = new GuardianLink { TenantId = minor.TenantId, MinorId = minor.Id };
        link.ChangeGuardian(minor, guardian, relationship, since);
        return link;
    }

    internal void ChangeGuardian(InsuredPerson minor, InsuredPerson guardian, string relationship, DateOnly since)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relationship);
        BusinessRule.Check(new GuardianMustNotBeSelf(minor.Id, guardian.Id));
        BusinessRule.Check(new GuardianOnlyForMinors(minor, since));
        BusinessRule.Check(new GuardianMustBeAdult(guardian, since));
        GuardianId = guardian.Id;
        Relationship = relationship;
        Since = since;
    }
}
