using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Enrollment;

/// <summary>
/// The insured guardian a minor follows (YL 二(三)6: minors not in work are insured with their guardian). One link
/// per minor; replacing the guardian updates it.
/// </summary>
public sealed class GuardianLink : ITenantOwned
{
    public required string TenantId { get; init; }

    public required Guid MinorId { get; init; }

    public required Guid GuardianId { get; set; }

    /// <summary>Relationship as recorded (父亲, 母亲, 祖父母, 其他监护人).</summary>
    public required string Relationship { get; set; }

    public DateOnly Since { get; set; }
}
