using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Benefits;

/// <summary>A hospital stay of an insured person (住院): admission, discharge, the hospital. Stays suspend benefits where the city says so.</summary>
public sealed class HospitalStayRecord : ITenantOwned
{
    private HospitalStayRecord()
    {
    }

    public string TenantId { get; private init; } = "";

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid PersonId { get; private init; }

    public DateOnly Admitted { get; private init; }

    public DateOnly? Discharged { get; private set; }

    public string Hospital { get; private init; } = "";

    public string RecordedBy { get; private init; } = "";

    public DateTimeOffset RecordedAt { get; private init; }

    /// <summary>Who recorded the discharge, and when.</summary>
    public string? DischargeRecordedBy { get; private set; }

    public DateTimeOffset? DischargeRecordedAt { get; private set; }

    public static HospitalStayRecord Admit(string tenantId, Guid personId, DateOnly admitted, string hospital, string recordedBy, DateTimeOffset recordedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hospital);
        return new HospitalStayRecord
        {
            TenantId = tenantId, PersonId = personId, Admitted = admitted, Hospital = hospital.Trim(),
            RecordedBy = recordedBy, RecordedAt = recordedAt,
        };
    }

    /// <summary>Records the discharge on <paramref name="on"/> (not before admission; once).</summary>
    public void Discharge(DateOnly on, string recordedBy, DateTimeOffset recordedAt)
    {
        if (Discharged is not null)
            throw new InvalidOperationException("The stay already has a discharge.");
        if (on < Admitted)
            throw new ArgumentOutOfRangeException(nameof(on), "A discharge cannot precede the admission.");
        Discharged = on;
        DischargeRecordedBy = recordedBy;
        DischargeRecordedAt = recordedAt;
    }

    /// <summary>True while the person is in hospital on <paramref name="day"/> (admission and discharge days included).</summary>
    public bool Covers(DateOnly day) => Admitted <= day && (Discharged is null || day <= Discharged);

    public HospitalStay ToStay() => new(Admitted, Discharged);
}
