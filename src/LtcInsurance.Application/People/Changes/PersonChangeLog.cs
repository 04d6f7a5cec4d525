using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Application.People.Changes;

/// <summary>
/// Who changes the register, when, and for which import (null: a clerk): every change of a person's entry is added to
/// <c>person_changes</c> through this, in the same save as the change itself.
/// </summary>
internal sealed class PersonChangeLog(ILtcDbContext db, string changedBy, DateTimeOffset changedAt, Guid? importJobId = null)
{
    public string ChangedBy => changedBy;

    public DateTimeOffset ChangedAt => changedAt;

    /// <summary>Adds a change unless before and after are the same.</summary>
    public void Add(InsuredPerson person, string field, string? before, string? after, string? note = null)
    {
        if (before == after && note is null)
            return;
        db.PersonChanges.Add(PersonChange.Of(person, field, before, after, changedBy, changedAt, note, importJobId));
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An enrolment as the history shows it: 居民长护险 2026-01-01 起 (— 2026-06-30).</summary>
    public static string Enrollment(EnrollmentPeriod period) =>
        $"{SchemeKinds.ChineseName(period.Scheme)} {Day(period.StartDate)} 起" + (period.EndDate is { } end ? $"，{Day(end)} 止" : "");

    public static string Status(PersonStatusPeriod status) =>
        $"{PersonStatusCodes.ChineseName(status.Status)} {Day(status.FromDate)} 起" + (status.ToDate is { } to ? $"，{Day(to)} 止" : "");

    public static string Region(string code) => RegionCodes.NameOf(code) is { } name ? $"{name}（{code}）" : code;
}
