using System.Text;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Enrollment.AddStatus;
using LtcInsurance.Application.Enrollment.Enrol;
using LtcInsurance.Application.Import.GetImportChanges;
using LtcInsurance.Application.Import.WriteImportChangeReport;
using LtcInsurance.Application.People.ChangeInsuranceType;
using LtcInsurance.Application.People.ChangeRegion;
using LtcInsurance.Application.People.EndStatus;
using LtcInsurance.Application.People.GetPersonChanges;
using LtcInsurance.Application.People.UpdateContact;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Integration.Tests.Enrollment;
using LtcInsurance.Integration.Tests.Import;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LtcInsurance.Integration.Tests.People;

/// <summary>
/// Person records a clerk maintains (issue #11, item 1): every change kept with who, when, before and after; changes
/// the eligibility rule decides on close the old enrolment on a date; a re-import does the same and reports it.
/// </summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class PersonChangeTests(RegisterDatabase database)
{
    [Fact]
    public async Task A_contact_correction_is_kept_with_who_when_before_and_after()
    {
        await using var db = database.App(TenantIds.Jining);
        await using var host = database.Host(TenantIds.Jining, Roles.Clerk);
        var person = await RegisterDatabase.AddPersonAsync(db, "孔联系", "370811", new DateOnly(1950, 1, 1));
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);

        var first = await host.Send(new UpdateContactCommand(new PersonId(person.Id), "13900000001", "济宁市任城区一路1号"));
        var again = await host.Send(new UpdateContactCommand(new PersonId(person.Id), "13900000001", "济宁市任城区一路1号"));
        await host.Send(new UpdateContactCommand(new PersonId(person.Id), "13900000002", "济宁市任城区一路1号"));

        Assert.Equal(2, first.FieldsChanged);
        Assert.Equal(0, again.FieldsChanged);
        var history = await host.Send(new GetPersonChangesQuery(new PersonId(person.Id)));
        Assert.Equal(3, history.Count);
        var latest = history[0];
        Assert.Equal((PersonChangeFields.Phone, "13900000001", "13900000002"), (latest.Field, latest.Before, latest.After));
        Assert.Equal("test.jining", latest.ChangedBy);
        Assert.InRange(latest.ChangedAt, before, DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Null(latest.ImportJobId);
        Assert.Contains(history, c => c.Field == PersonChangeFields.Address && c.Before is null && c.After == "济宁市任城区一路1号");
        Assert.Equal("13900000002", (await db.InsuredPeople.AsNoTracking().SingleAsync(p => p.Id == person.Id)).Phone);
    }

    [Fact]
    public async Task Changing_the_insurance_type_runs_the_eligibility_rule_closes_the_enrolment_and_names_reason_and_clause()
    {
        await using var db = database.App(TenantIds.Jining);
        await using var host = database.Host(TenantIds.Jining, Roles.Clerk);
        var person = await RegisterDatabase.AddPersonAsync(db, "孔转职工", "370811", new DateOnly(1960, 2, 1));
        var id = new PersonId(person.Id);
        Assert.True((await host.Send(new EnrolCommand(id, new DateOnly(2026, 1, 1)))).Enrolled);

        var result = await host.Send(new ChangeInsuranceTypeCommand(id, MedicalInsuranceScheme.Employee, EmploymentStatus.Employed,
            new DateOnly(2026, 7, 1)));

        Assert.Equal("ended", result.Enrolment!.Outcome);
        Assert.Equal("employee_not_in_resident_pilot", result.Enrolment.Reason);
        Assert.Equal("JN 一", result.Enrolment.Clause);
        Assert.Contains("JN 一", result.Message, StringComparison.Ordinal);
        var period = await db.EnrollmentPeriods.AsNoTracking().SingleAsync(e => e.PersonId == person.Id);
        Assert.Equal(new DateOnly(2026, 6, 30), period.EndDate);
        var stored = await db.InsuredPeople.AsNoTracking().SingleAsync(p => p.Id == person.Id);
        Assert.Equal(MedicalInsuranceScheme.Employee, stored.MedicalInsurance);

        var history = await host.Send(new GetPersonChangesQuery(id));
        var medical = Assert.Single(history, c => c.Field == PersonChangeFields.MedicalInsurance);
        Assert.Equal(("城乡居民基本医疗保险", "职工基本医疗保险"), (medical.Before, medical.After));
        var closed = history.First(c => c.Field == PersonChangeFields.Enrollment);
        Assert.Contains("2026-01-01 起", closed.Before, StringComparison.Ordinal);
        Assert.EndsWith("2026-06-30 止", closed.After, StringComparison.Ordinal);
        Assert.Contains("employee_not_in_resident_pilot", closed.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_effective_on_or_before_the_enrolment_start_is_not_applied_to_the_enrolment_silently()
    {
        await using var db = database.App(TenantIds.Jining);
        await using var host = database.Host(TenantIds.Jining, Roles.Clerk);
        var person = await RegisterDatabase.AddPersonAsync(db, "孔同日", "370811", new DateOnly(1960, 3, 1));
        var id = new PersonId(person.Id);
        Assert.True((await host.Send(new EnrolCommand(id, new DateOnly(2026, 3, 1)))).Enrolled);

        var result = await host.Send(new ChangeInsuranceTypeCommand(id, MedicalInsuranceScheme.Employee, EmploymentStatus.Employed,
            new DateOnly(2026, 3, 1)));

        Assert.Equal("manual", result.Enrolment!.Outcome);
        Assert.Null((await db.EnrollmentPeriods.AsNoTracking().SingleAsync(e => e.PersonId == person.Id)).EndDate);
        Assert.Contains(await host.Send(new GetPersonChangesQuery(id)), c => c.Field == PersonChangeFields.Enrollment && c.Note!.Contains("请核对", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ending_the_category_that_insured_a_person_closes_the_enrolment_from_the_next_day()
    {
        await using var db = database.App(TenantIds.Shishi);
        await using var host = database.Host(TenantIds.Shishi, Roles.Clerk);
        var person = await RegisterDatabase.AddPersonAsync(db, "林结束低保", "350581", new DateOnly(1950, 3, 1), statuses: PersonStatus.Dibao);
        var id = new PersonId(person.Id);
        Assert.True((await host.Send(new EnrolCommand(id, new DateOnly(2026, 1, 1)))).Enrolled);
        var status = await db.PersonStatuses.AsNoTracking().SingleAsync(s => s.PersonId == person.Id);

        var result = await host.Send(new EndStatusCommand(id, status.Id, new DateOnly(2026, 9, 30)));

        Assert.Equal("ended", result.Enrolment!.Outcome);
        Assert.Equal("not_in_covered_group", result.Enrolment.Reason);
        Assert.Equal(new DateOnly(2026, 9, 30), (await db.PersonStatuses.AsNoTracking().SingleAsync(s => s.Id == status.Id)).ToDate);
        Assert.Equal(new DateOnly(2026, 9, 30), (await db.EnrollmentPeriods.AsNoTracking().SingleAsync(e => e.PersonId == person.Id)).EndDate);
        var history = await host.Send(new GetPersonChangesQuery(id));
        Assert.Contains(history, c => c.Field == PersonChangeFields.Status && c.After!.EndsWith("2026-09-30 止", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Adding_a_category_keeps_it_in_the_history_and_a_region_outside_the_area_is_refused_with_nothing_changed()
    {
        await using var db = database.App(TenantIds.Shishi);
        await using var host = database.Host(TenantIds.Shishi, Roles.Clerk);
        var person = await RegisterDatabase.AddPersonAsync(db, "林地区", "350581", new DateOnly(1950, 4, 1));
        var id = new PersonId(person.Id);

        await host.Send(new AddStatusCommand(id, PersonStatus.Tekun, new DateOnly(2026, 2, 1)));
        var refused = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            host.Send(new ChangeRegionCommand(id, "110101", new DateOnly(2026, 5, 1))));
        await Assert.ThrowsAsync<RequestValidationException>(() => host.Send(new ChangeRegionCommand(id, "北京", new DateOnly(2026, 5, 1))));

        Assert.Equal("outside_scheme_area", refused.Code);
        var history = await host.Send(new GetPersonChangesQuery(id));
        var added = Assert.Single(history);
        Assert.Equal((PersonChangeFields.Status, (string?)null), (added.Field, added.Before));
        Assert.StartsWith("特困", added.After, StringComparison.Ordinal);
        Assert.Equal("350581", (await db.InsuredPeople.AsNoTracking().SingleAsync(p => p.Id == person.Id)).RegionCode);
    }

    [Fact]
    public async Task The_application_role_cannot_update_or_delete_the_history()
    {
        await using var db = database.App(TenantIds.Jining);
        await using var host = database.Host(TenantIds.Jining, Roles.Clerk);
        var person = await RegisterDatabase.AddPersonAsync(db, "孔不可改", "370811", new DateOnly(1950, 6, 1));
        await host.Send(new UpdateContactCommand(new PersonId(person.Id), "13900000003", null));

        var update = await Assert.ThrowsAsync<PostgresException>(() =>
            db.PersonChanges.Where(c => c.PersonId == person.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.AfterValue, "改写")));
        var delete = await Assert.ThrowsAsync<PostgresException>(() =>
            db.PersonChanges.Where(c => c.PersonId == person.Id).ExecuteDeleteAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, update.SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, delete.SqlState);
        await using var owner = database.Owner();
        var kept = await owner.PersonChanges.IgnoreQueryFilters().SingleAsync(c => c.PersonId == person.Id);
        Assert.Equal("13900000003", kept.AfterValue);
        // Another city sees none of it (row-level security and the query filter).
        await using var other = database.App(TenantIds.Shishi);
        Assert.False(await other.PersonChanges.AnyAsync(c => c.PersonId == person.Id));
    }

    [Fact]
    public async Task A_reimport_that_changes_the_insurance_type_closes_the_stale_enrolment_and_the_report_says_so()
    {
        await using var db = database.App(TenantIds.Jining);
        await using var host = database.Host(TenantIds.Jining, Roles.Clerk);
        var resident = IdNumber.Create("370811", new DateOnly(1955, 8, 9), 71).Value;
        var other = IdNumber.Create("370811", new DateOnly(1955, 8, 10), 72).Value;
        const string Header = "身份证号码,姓名,性别,出生日期,联系电话,所在地区,医保类型,就业状态,人员类别,参保日期";
        var first = await host.ImportAsync(Csv(Header, $"{resident},孔再导,,,,370811,居民,无,低保,2026-01-01", $"{other},孔不变,,,,370811,居民,无,,2026-01-01"), "first.csv");
        Assert.Equal("completed", first.Status);
        Assert.Empty(await host.Send(new GetImportChangesQuery(first.Id)));

        // 参保日期 left empty for the changed person: with one the rule would judge a new enrolment on that day, and refuse the row.
        var second = await host.ImportAsync(Csv(Header, $"{resident},孔再导,,,,370811,职工,在职,,", $"{other},孔不变,,,,370811,居民,无,,2026-01-01"), "second.csv");

        Assert.Equal("completed", second.Status);
        Assert.Equal(0, second.ErrorRows);
        var importDay = DateOnly.FromDateTime(second.CreatedAt.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var person = await db.InsuredPeople.AsNoTracking().SingleAsync(p => p.Name == "孔再导");
        var period = await db.EnrollmentPeriods.AsNoTracking().SingleAsync(e => e.PersonId == person.Id);
        Assert.Equal(importDay.AddDays(-1), period.EndDate);
        var dibao = await db.PersonStatuses.AsNoTracking().SingleAsync(s => s.PersonId == person.Id);
        Assert.Equal(importDay.AddDays(-1), dibao.ToDate);
        var unchanged = await db.InsuredPeople.AsNoTracking().SingleAsync(p => p.Name == "孔不变");
        Assert.Null((await db.EnrollmentPeriods.AsNoTracking().SingleAsync(e => e.PersonId == unchanged.Id)).EndDate);

        var changes = await host.Send(new GetImportChangesQuery(second.Id));
        Assert.All(changes, c => Assert.Equal(person.Id, c.PersonId.Value));
        Assert.Contains(changes, c => c.Field == PersonChangeFields.MedicalInsurance && c.Before == "城乡居民基本医疗保险" && c.After == "职工基本医疗保险");
        Assert.Contains(changes, c => c.Field == PersonChangeFields.Employment && c.After == "在职");
        Assert.Contains(changes, c => c.Field == PersonChangeFields.Status && c.After!.EndsWith(" 止", StringComparison.Ordinal));
        var closed = Assert.Single(changes, c => c.Field == PersonChangeFields.Enrollment);
        Assert.Contains("JN 一", closed.Note, StringComparison.Ordinal);
        var report = new MemoryStream();
        Assert.Equal(changes.Count, await host.Send(new WriteImportChangeReportQuery(second.Id, report)));
        var text = Encoding.UTF8.GetString(report.ToArray());
        Assert.StartsWith("\uFEFF姓名,身份证号码,项目,变更前,变更后,说明\r\n", text, StringComparison.Ordinal);
        Assert.Contains("孔再导", text, StringComparison.Ordinal);
        Assert.DoesNotContain(resident, text, StringComparison.Ordinal);

        // The same file again changes nothing and reports nothing.
        var third = await host.ImportAsync(Csv(Header, $"{resident},孔再导,,,,370811,职工,在职,,"), "third.csv");
        Assert.Equal(0, third.ErrorRows);
        Assert.Empty(await host.Send(new GetImportChangesQuery(third.Id)));
        Assert.Single(await db.EnrollmentPeriods.AsNoTracking().Where(e => e.PersonId == person.Id).ToListAsync());
    }

    [Fact]
    public async Task Enrolment_names_a_minors_guardian_kept_only_when_the_enrolment_is_accepted()
    {
        await using var jining = database.App(TenantIds.Jining);
        await using var jiningHost = database.Host(TenantIds.Jining, Roles.Clerk);
        var child = await RegisterDatabase.AddPersonAsync(jining, "孔小", "370811", new DateOnly(2018, 4, 1));
        var mother = await RegisterDatabase.AddPersonAsync(jining, "孔母", "370811", new DateOnly(1988, 4, 1));

        await Assert.ThrowsAsync<RequestValidationException>(() => jiningHost.Send(
            new EnrolCommand(new PersonId(child.Id), new DateOnly(2026, 1, 1), GuardianId: new PersonId(mother.Id))));
        var accepted = await jiningHost.Send(new EnrolCommand(new PersonId(child.Id), new DateOnly(2026, 1, 1),
            GuardianId: new PersonId(mother.Id), GuardianRelationship: "母亲"));

        Assert.True(accepted.Enrolled, accepted.Message);
        Assert.Equal(mother.Id, (await jining.GuardianLinks.AsNoTracking().SingleAsync(g => g.MinorId == child.Id)).GuardianId);
        var history = await jiningHost.Send(new GetPersonChangesQuery(new PersonId(child.Id)));
        Assert.Contains(history, c => c.Field == PersonChangeFields.Guardian && c.After!.StartsWith("孔母（母亲", StringComparison.Ordinal));
        Assert.Contains(history, c => c.Field == PersonChangeFields.Enrollment && c.Before is null);

        // Yulin (YL 二(三)6): a minor is insured through the guardian under the resident scheme, not started yet: refused, nothing kept.
        await using var yulin = database.App(TenantIds.Yulin);
        await using var yulinHost = database.Host(TenantIds.Yulin, Roles.Clerk);
        var minor = await RegisterDatabase.AddPersonAsync(yulin, "韦小", "450902", new DateOnly(2018, 4, 1));
        var father = await RegisterDatabase.AddPersonAsync(yulin, "韦父", "450902", new DateOnly(1985, 4, 1),
            MedicalInsuranceScheme.Employee, EmploymentStatus.Employed);
        var refused = await yulinHost.Send(new EnrolCommand(new PersonId(minor.Id), new DateOnly(2027, 2, 1),
            GuardianId: new PersonId(father.Id), GuardianRelationship: "父亲"));

        Assert.False(refused.Enrolled);
        Assert.Equal("resident_scheme_not_started", refused.Reason);
        Assert.False(await yulin.GuardianLinks.AnyAsync(g => g.MinorId == minor.Id));
        Assert.Empty(await yulinHost.Send(new GetPersonChangesQuery(new PersonId(minor.Id))));
    }

    private static MemoryStream Csv(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"));
}
