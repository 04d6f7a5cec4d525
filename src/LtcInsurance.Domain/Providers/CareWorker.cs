using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Providers;

/// <summary>
/// A member of a provider's care staff, registered by real name and ID number (实名制管理, YZ 四(一)1) with the
/// qualifications (<see cref="CareQualifications"/> codes) claims are checked against. An individual provider
/// (个体服务人员) has one care worker: themself.
/// </summary>
public sealed class CareWorker : ITenantOwned
{
    private CareWorker()
    {
    }

    public string TenantId { get; private init; } = "";

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    /// <summary>The provider (<c>institutions</c> row, either kind) the worker serves for.</summary>
    public Guid InstitutionId { get; private init; }

    public string Name { get; private set; } = "";

    /// <summary>The 18-character resident ID number (checked by <see cref="Enrollment.IdNumber"/>).</summary>
    public string IdNumber { get; private set; } = "";

    /// <summary>Codes of <see cref="CareQualifications"/>.</summary>
    public string[] Qualifications { get; private set; } = [];

    /// <summary>False once the worker has left the provider (kept for the claims that name them).</summary>
    public bool Active { get; private set; } = true;

    public string RecordedBy { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    public bool Holds(string qualification) => Qualifications.Contains(qualification, StringComparer.Ordinal);

    public static CareWorker Register(string tenantId, Guid institutionId, string name, string idNumber,
        IEnumerable<string> qualifications, string recordedBy, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(qualifications);
        return new CareWorker
        {
            TenantId = tenantId, InstitutionId = institutionId, Name = name, IdNumber = idNumber,
            Qualifications = Normalise(qualifications), RecordedBy = recordedBy, RecordedAt = recordedAt,
        };
    }

    public void Update(string name, string idNumber, IEnumerable<string> qualifications, bool active, string recordedBy, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(qualifications);
        Name = name;
        IdNumber = idNumber;
        Qualifications = Normalise(qualifications);
        Active = active;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    private static string[] Normalise(IEnumerable<string> qualifications)
    {
        var set = qualifications.ToHashSet(StringComparer.Ordinal);
        return [.. CareQualifications.All.Where(set.Contains)];
    }
}
