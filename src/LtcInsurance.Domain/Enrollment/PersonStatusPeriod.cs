using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Enrollment.Rules;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Enrollment;

/// <summary>
/// A dated category of a person (人员类别) that changes coverage or subsidies: 低保, 特困, 孤儿 and so on, valid from
/// <see cref="FromDate"/> to <see cref="ToDate"/> (inclusive; open when null) as certified by civil affairs.
/// The codes are the policy engine's (<see cref="PersonStatus"/>), so the register and the rules share one vocabulary.
/// Created with <see cref="InsuredPerson.AddStatus"/>.
/// </summary>
public sealed class PersonStatusPeriod : ITenantOwned
{
    /// <summary>For EF Core, which sets the properties from the row.</summary>
    private PersonStatusPeriod()
    {
    }

    public string TenantId { get; private init; } = "";

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid PersonId { get; private init; }

    public string Status { get; private set; } = "";

    public DateOnly FromDate { get; private set; }

    public DateOnly? ToDate { get; private set; }

    public bool ActiveOn(DateOnly day) => day >= FromDate && (ToDate is null || day <= ToDate);

    /// <summary>Ends the category with <paramref name="lastDay"/> (its last day in force).</summary>
    /// <exception cref="BusinessRuleViolationException"><see cref="EndNotBeforeStart"/>.</exception>
    public void End(DateOnly lastDay)
    {
        BusinessRule.Check(EndNotBeforeStart.ForStatus(FromDate, lastDay));
        ToDate = lastDay;
    }

    internal static PersonStatusPeriod Create(InsuredPerson person, string status, DateOnly from, DateOnly? to)
    {
        ArgumentNullException.ThrowIfNull(person);
        BusinessRule.Check(new PersonStatusMustBeKnown(status));
        BusinessRule.Check(EndNotBeforeStart.ForStatus(from, to));
        return new PersonStatusPeriod { TenantId = person.TenantId, PersonId = person.Id, Status = status, FromDate = from, ToDate = to };
    }
}

/// <summary>The person categories the register accepts, with the Chinese names clerks see.</summary>
public static class PersonStatusCodes
{
    // Codes and names are the vocabulary's (Domain/Vocabulary/PersonStatus.cs): one list for the engine, the register and files.
    public static IReadOnlyCollection<string> All => [.. PersonStatus.Terms.Codes];

    public static bool IsKnown(string code) => PersonStatus.IsKnown(code);

    public static string ChineseName(string code) => PersonStatus.ChineseName(code);

    /// <summary>The codes of <paramref name="periods"/> in force on <paramref name="day"/>, each once, sorted.</summary>
    public static IReadOnlyList<string> ActiveOn(IEnumerable<PersonStatusPeriod> periods, DateOnly day) =>
        [.. periods.Where(p => p.ActiveOn(day)).Select(p => p.Status).Distinct().Order(StringComparer.Ordinal)];
}
