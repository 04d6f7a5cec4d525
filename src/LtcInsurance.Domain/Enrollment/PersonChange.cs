using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Enrollment;

/// <summary>
/// One change of a person's register entry (变更记录): which field, the value before and after (as a clerk reads them),
/// who changed it and when, and whether a clerk's use case or a register import did it. Append-only: the table
/// refuses UPDATE and DELETE (migration <c>20261207100000_PersonChanges</c>); a correction is a new change.
/// </summary>
public sealed class PersonChange : ITenantOwned
{
    /// <summary>For EF Core, which sets the properties from the row.</summary>
    private PersonChange()
    {
    }

    public string TenantId { get; private init; } = "";

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid PersonId { get; private init; }

    /// <summary>One of <see cref="PersonChangeFields"/>.</summary>
    public string Field { get; private init; } = "";

    /// <summary>The value before, as a clerk reads it (null: none).</summary>
    public string? BeforeValue { get; private init; }

    /// <summary>The value after, as a clerk reads it (null: none).</summary>
    public string? AfterValue { get; private init; }

    /// <summary>Why, or what followed from it (the eligibility rule's refusal with its clause, the date an enrolment closed).</summary>
    public string? Note { get; private init; }

    /// <summary>The register import that made the change; null for a clerk's change.</summary>
    public Guid? ImportJobId { get; private init; }

    /// <summary>User name of who changed it (for an import: who started it).</summary>
    public string ChangedBy { get; private init; } = "";

    public DateTimeOffset ChangedAt { get; private init; }

    /// <summary>A change of <paramref name="person"/>; texts longer than the columns allow are shortened.</summary>
    public static PersonChange Of(InsuredPerson person, string field, string? before, string? after, string changedBy,
        DateTimeOffset changedAt, string? note = null, Guid? importJobId = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        return new PersonChange
        {
            TenantId = person.TenantId, PersonId = person.Id, Field = field, BeforeValue = Cut(before), AfterValue = Cut(after),
            Note = Cut(note), ImportJobId = importJobId, ChangedBy = string.IsNullOrWhiteSpace(changedBy) ? "system" : changedBy,
            ChangedAt = changedAt,
        };
    }

    private static string? Cut(string? text) => text is { Length: > 500 } ? text[..499] + "…" : text;
}

/// <summary>The fields a change names, with their Chinese names (the import's SQL writes the same codes).</summary>
public static class PersonChangeFields
{
    public const string Phone = "phone";
    public const string Address = "address";
    public const string Name = "name";
    public const string Region = "region_code";
    public const string MedicalInsurance = "medical_insurance";
    public const string Employment = "employment";
    public const string Status = "status";
    public const string Enrollment = "enrollment";
    public const string Guardian = "guardian";
    public const string Death = "death";

    public static IReadOnlyList<string> All { get; } =
        [Phone, Address, Name, Region, MedicalInsurance, Employment, Status, Enrollment, Guardian, Death];

    /// <summary>The fields whose change may change what the city's eligibility rule decides.</summary>
    public static IReadOnlyList<string> Eligibility { get; } = [Region, MedicalInsurance, Employment, Status];

    public static string ChineseName(string field) => field switch
    {
        Phone => "联系电话",
        Address => "住址",
        Name => "姓名",
        Region => "所在地区",
        MedicalInsurance => "医保类型",
        Employment => "就业状态",
        Status => "人员类别",
        Enrollment => "参保期间",
        Guardian => "监护人",
        Death => "死亡登记",
        _ => field,
    };
}
