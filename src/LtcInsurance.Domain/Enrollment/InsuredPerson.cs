using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Enrollment.Rules;
using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Enrollment;

/// <summary>
/// A person on a scheme's insured register (参保人员). Registered with <see cref="Register"/>; the register's changes
/// around the person (<see cref="RecordDeath"/>, <see cref="AssignGuardian"/>, <see cref="AddStatus"/>, and
/// <see cref="EnrollmentPeriod.Open"/>) check the register's rules (<see cref="Rules"/>) before they change anything.
/// </summary>
public sealed class InsuredPerson : ITenantOwned
{
    /// <summary>For EF Core, which sets the properties from the row.</summary>
    private InsuredPerson()
    {
    }

    public string TenantId { get; private init; } = "";

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public IdNumber IdNumber { get; private set; } = null!;

    public string Name { get; private set; } = "";

    /// <summary>Recorded separately from the ID number because the register is authoritative.</summary>
    public Sex Sex { get; private set; }

    public DateOnly BirthDate { get; private set; }

    public string? Phone { get; private set; }

    /// <summary>Residential address (住址); personal data, shown in full only on the detail page.</summary>
    public string? Address { get; private set; }

    /// <summary>Administrative division of residence; cities that keep regional sub-ledgers account by it.</summary>
    public string RegionCode { get; private set; } = "";

    public MedicalInsuranceScheme MedicalInsurance { get; private set; }

    public EmploymentStatus Employment { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// A new entry of <paramref name="tenantId"/>'s register. Sex and birth date are the register's, which is
    /// authoritative even where they differ from what the ID number encodes.
    /// </summary>
    public static InsuredPerson Register(
        string tenantId,
        IdNumber idNumber,
        string name,
        Sex sex,
        DateOnly birthDate,
        string regionCode,
        MedicalInsuranceScheme medicalInsurance,
        EmploymentStatus employment,
        DateTimeOffset createdAt,
        string? phone = null,
        string? address = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(idNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(regionCode);
        return new InsuredPerson
        {
            TenantId = tenantId,
            IdNumber = idNumber,
            Name = name,
            Sex = sex,
            BirthDate = birthDate,
            RegionCode = regionCode,
            MedicalInsurance = medicalInsurance,
            Employment = employment,
            CreatedAt = createdAt,
            Phone = phone,
            Address = address,
        };
    }

    /// <summary>Corrects the contact data (联系电话, 住址); blank means none.</summary>
    public void ChangeContact(string? phone, string? address)
    {
        Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        Address = string.IsNullOrWhiteSpace(address) ? null : address.Trim();
    }

    /// <summary>Moves the person to <paramref name="regionCode"/> (a region of the tenant's area: the caller checks).</summary>
    public void ChangeRegion(string regionCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(regionCode);
        RegionCode = regionCode;
    }

    /// <summary>
    /// Records the person's medical insurance (医保类型) and working status (就业状态) as the medical insurance register now
    /// has them. What that means for the person's enrolment is the city's eligibility rule's decision (the caller asks it).
    /// </summary>
    public void ChangeInsurance(MedicalInsuranceScheme medicalInsurance, EmploymentStatus employment)
    {
        MedicalInsurance = medicalInsurance;
        Employment = employment;
    }

    /// <summary>Whether the person is 18 or older on <paramref name="day"/> (成年).</summary>
    public bool IsAdultOn(DateOnly day) => BirthDate.AddYears(18) <= day;

    /// <summary>
    /// Registers the person's death (死亡登记) on <paramref name="dateOfDeath"/>. Insurance ends with that day: the
    /// caller ends the person's enrollment periods with <see cref="EnrollmentPeriod.EndOnDeath"/>.
    /// </summary>
    /// <exception cref="BusinessRuleViolationException"><see cref="DeathNotBeforeBirth"/>.</exception>
    public DeathRecord RecordDeath(DateOnly dateOfDeath, DateTimeOffset recordedAt)
    {
        BusinessRule.Check(new DeathNotBeforeBirth(BirthDate, dateOfDeath));
        return DeathRecord.Create(this, dateOfDeath, recordedAt);
    }

    /// <summary>
    /// A dated category of the person (人员类别) from <paramref name="from"/> to <paramref name="to"/> (inclusive; open
    /// when null).
    /// </summary>
    /// <exception cref="BusinessRuleViolationException">
    /// <see cref="PersonStatusMustBeKnown"/>, <see cref="EndNotBeforeStart"/>.
    /// </exception>
    public PersonStatusPeriod AddStatus(string status, DateOnly from, DateOnly? to) =>
        PersonStatusPeriod.Create(this, status, from, to);

    /// <summary>
    /// Makes <paramref name="guardian"/> the insured guardian this minor follows from <paramref name="since"/>
    /// (YL 二(三)6), creating the link or, when the minor has one (<paramref name="current"/>), replacing it.
    /// </summary>
    /// <returns>The new link, or <paramref name="current"/> changed.</returns>
    /// <exception cref="BusinessRuleViolationException">
    /// <see cref="GuardianMustNotBeSelf"/>, <see cref="GuardianOnlyForMinors"/>, <see cref="GuardianMustBeAdult"/>.
    /// </exception>
    public GuardianLink AssignGuardian(InsuredPerson guardian, string relationship, DateOnly since, GuardianLink? current)
    {
        ArgumentNullException.ThrowIfNull(guardian);
        if (current is not null && current.MinorId != Id)
            throw new ArgumentException("监护关系不属于该人员", nameof(current));
        if (current is null)
            return GuardianLink.Create(this, guardian, relationship, since);
        current.ChangeGuardian(this, guardian, relationship, since);
        return current;
    }
}
