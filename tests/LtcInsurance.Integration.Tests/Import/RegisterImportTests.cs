using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Import.GetImportErrors;
using LtcInsurance.Application.Import.GetImportJob;
using LtcInsurance.Application.Import.ListRecentImportJobs;
using LtcInsurance.Application.Import.RunRegisterImport;
using LtcInsurance.Application.Jobs.GetJob;
using LtcInsurance.Application.Import.StartRegisterImport;
using LtcInsurance.Application.Import.WriteImportErrorReport;
using LtcInsurance.Application.Import;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure.Persistence.Migrations;
using LtcInsurance.Integration.Tests.Enrollment;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LtcInsurance.Integration.Tests.Import;

[Collection(RegisterDatabaseCollection.Name)]
public sealed class RegisterImportTests(RegisterDatabase database)
{
    private static readonly string Good = IdNumber.Create("370811", new DateOnly(1931, 1, 2), 11).Value;
    private static readonly string Worker = IdNumber.Create("370812", new DateOnly(1931, 3, 4), 21).Value;
    private static readonly string NoEnrollment = IdNumber.Create("370881", new DateOnly(1931, 5, 6), 33).Value;
    private static readonly string OutOfArea = IdNumber.Create("110101", new DateOnly(1931, 7, 8), 43).Value;
    private static readonly string BadCodes = IdNumber.Create("370881", new DateOnly(1931, 9, 10), 54).Value;
    private static readonly string BadCheck = Good[..17] + (Good[17] == '0' ? '1' : '0');

    private static string Csv() => string.Join("\r\n",
        "身份证号码,姓名,性别,出生日期,联系电话,所在地区,医保类型,就业状态,人员类别,参保日期",
        $"{Good},孔一,,,13800000001,370811,居民,无,低保,2027-01-01",
        $"{BadCheck},孔二,,,,370811,居民,无,,",
        $"{NoEnrollment[..16]}12,,,,,370881,居民,无,,",
        $"{OutOfArea},孔四,,,,110101,居民,无,,",
        $"{BadCodes},孔五,,,,370881,农合,无,\"低保、贫困\",",
        $"{Good},孔六,,,,370811,居民,无,,",
        $"{Worker},孔七,,,,370812,职工,在职,,2027-01-01",
        $"{NoEnrollment},孔八,男,1931-05-06,,370881,居民,退休,特困,",
        "");

    [Fact]
    public async Task A_csv_with_bad_rows_gives_an_exact_error_report_applies_the_valid_rows_and_a_reimport_changes_nothing()
    {
        await using var db = database.App(TenantIds.Jining);
        await using var host = database.Host(TenantIds.Jining);

        var job = await host.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(Csv())), "register.csv");

        Assert.Equal("completed", job.Status);
        Assert.Equal(8, job.TotalRows);
        Assert.Equal(2, job.ValidRows);
        Assert.Equal(6, job.ErrorRows);
        var report = new MemoryStream();
        await host.Send(new WriteImportErrorReportQuery(job.Id, report));
        var text = Encoding.UTF8.GetString(report.ToArray());
        Assert.Equal(
            "\uFEFF行号,列,错误信息\r\n" +
            "3,身份证号码,身份证号码校验位不正确\r\n" +
            "4,姓名,姓名为必填项\r\n" +
            "4,身份证号码,身份证号码校验位不正确\r\n" +
            "5,所在地区,所在地区「110101」不在本统筹区范围内\r\n" +
            "6,医保类型,医保类型「农合」无效，应为职工、居民或无\r\n" +
            "6,人员类别,人员类别「贫困」无效，应为低保、边缘困难户、特困、孤儿、防返贫、医疗救助对象或享受工伤生活护理费人员\r\n" +
            "7,身份证号码,与第2行身份证号码重复\r\n" +
            "8,参保日期,不符合参保条件：试点只覆盖城乡居民医保参保人（依据 JN 一）\r\n",
            text);

        var one = await db.InsuredPeople.SingleAsync(p => p.Name == "孔一");
        Assert.Equal(new DateOnly(1931, 1, 2), one.BirthDate);
        Assert.Equal(Sex.Male, one.Sex);
        Assert.Equal(PersonStatus.Dibao, (await db.Set<PersonStatusPeriod>().SingleAsync(s => s.PersonId == one.Id)).Status);
        var enrollment = await db.Set<EnrollmentPeriod>().SingleAsync(e => e.PersonId == one.Id);
        Assert.Equal((SchemeKinds.Resident, new DateOnly(2027, 1, 1)), (enrollment.Scheme, enrollment.StartDate));
        var eight = await db.InsuredPeople.SingleAsync(p => p.Name == "孔八");
        Assert.Equal(EmploymentStatus.Retired, eight.Employment);
        Assert.False(await db.InsuredPeople.AnyAsync(p => p.Name == "孔七" || p.Name == "孔二"));
        Assert.Equal(2 + 2 + 1, job.AppliedRows);

        var people = await db.InsuredPeople.CountAsync();
        var again = await host.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(Csv())), "register.csv");

        Assert.Equal("completed", again.Status);
        Assert.Equal(0, again.AppliedRows);
        Assert.Equal((2, 6), (again.ValidRows, again.ErrorRows)); // the enrollment already there is no error
        Assert.Equal(people, await db.InsuredPeople.CountAsync());
        Assert.Equal(1, await db.Set<EnrollmentPeriod>().CountAsync(e => e.PersonId == one.Id));
        Assert.Equal(1, await db.Set<PersonStatusPeriod>().CountAsync(s => s.PersonId == one.Id));
    }

    [Fact]
    public async Task A_file_without_a_required_column_fails_the_job_with_a_reason_and_stages_nothing()
    {
        await using var db = database.App(TenantIds.Jining);
        await using var host = database.Host(TenantIds.Jining);

        var job = await host.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes("姓名,所在地区\r\n孔,370811\r\n")), "short.csv");

        Assert.Equal("failed", job.Status);
        Assert.Contains("身份证号码", job.Message, StringComparison.Ordinal);
        Assert.Empty(await host.Send(new GetImportErrorsQuery(job.Id)));
        Assert.Equal(0, await db.Set<ImportRow>().CountAsync(r => r.JobId == job.Id));
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_fails_the_import_and_its_background_job_with_the_reason()
    {
        await using var db = database.App(TenantIds.Jining);
        await using var host = database.Host(TenantIds.Jining);

        var job = await host.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes("不是表格")), "broken.xlsx");

        Assert.Equal(("failed", 0), (job.Status, job.TotalRows));
        Assert.StartsWith("文件无法导入", job.Message, StringComparison.Ordinal);
        var background = await host.Send(new GetJobQuery(job.Id));
        Assert.Equal("failed", background!.Status);
        Assert.StartsWith("文件无法导入", background.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_xlsx_register_is_read_row_by_row_and_applied()
    {
        await using var db = database.App(TenantIds.Yuzhong);
        var id = IdNumber.Create("500103", new DateOnly(1932, 7, 7), 41).Value;
        var file = Xlsx(
            ["身份证号码", "姓名", "所在地区", "医保类型", "就业状态", "参保日期"],
            [id, "渝一", "500103", "职工", "退休", "2026-01-01"],
            ["123", "渝二", "500103", "职工", "退休", ""]);
        await using var host = database.Host(TenantIds.Yuzhong);

        var job = await host.ImportAsync(file, "register.xlsx");

        Assert.Equal(("completed", 2, 1), (job.Status, job.TotalRows, job.ValidRows));
        Assert.Equal([new ImportError(3, "身份证号码", "身份证号码应为18位")], await host.Send(new GetImportErrorsQuery(job.Id)));
        var person = await db.InsuredPeople.SingleAsync(p => p.Name == "渝一");
        Assert.Equal(SchemeKinds.Employee, (await db.Set<EnrollmentPeriod>().SingleAsync(e => e.PersonId == person.Id)).Scheme);
    }

    [Fact]
    public async Task A_job_interrupted_after_staging_resumes_by_applying_once()
    {
        await using var db = database.App(TenantIds.Shishi);
        var id = IdNumber.Create("350581", new DateOnly(1933, 3, 3), 51).Value;
        var csv = $"身份证号码,姓名,所在地区,医保类型,人员类别,参保日期\r\n{id},石续,350581,居民,特困,2026-01-01\r\n";
        await using var host = database.Host(TenantIds.Shishi);
        var job = await host.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "r.csv");
        // Pretend the process died after the apply committed but before its mark did: the import says "applying" from row 1.
        await db.Set<ImportJob>().Where(j => j.Id == job.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportJobStatus.Applying).SetProperty(j => j.AppliedThroughRow, 0));

        var resumed = await host.Send(new RunRegisterImportCommand(job.Id));

        Assert.Equal("completed", resumed.Status);
        Assert.Equal(job.AppliedRows, resumed.AppliedRows);
        Assert.Equal(1, await db.InsuredPeople.CountAsync(p => p.Name == "石续"));
    }

    [Fact]
    public async Task An_enrollment_overlapping_one_the_register_holds_is_refused_by_the_database_and_reported_on_its_row()
    {
        await using var db = database.App(TenantIds.Shishi);
        await using var host = database.Host(TenantIds.Shishi);
        var id = IdNumber.Create("350581", new DateOnly(1933, 4, 4), 52).Value;
        static MemoryStream File(string idNumber, string from) => new(Encoding.UTF8.GetBytes(
            $"身份证号码,姓名,所在地区,医保类型,人员类别,参保日期\r\n{idNumber},石叠,350581,居民,特困,{from}\r\n"));
        var first = await host.ImportAsync(File(id, "2026-01-01"), "first.csv");
        Assert.Equal(("completed", 0), (first.Status, first.ErrorRows));

        var overlapping = await host.ImportAsync(File(id, "2027-03-01"), "overlapping.csv");

        Assert.Equal(("completed", 1, 0, 1, 0), (overlapping.Status, overlapping.TotalRows, overlapping.ValidRows, overlapping.ErrorRows, overlapping.AppliedRows));
        Assert.Equal(
            [new ImportError(2, RegisterColumns.EnrolledFrom, "参保期间与该人员已登记的参保期间重叠，未新增参保期间")],
            await host.Send(new GetImportErrorsQuery(overlapping.Id)));
        var person = await db.InsuredPeople.SingleAsync(p => p.Name == "石叠");
        Assert.Equal([new DateOnly(2026, 1, 1)], await db.Set<EnrollmentPeriod>().Where(e => e.PersonId == person.Id).Select(e => e.StartDate).ToListAsync());

        // Once the period is closed, an enrollment after its last day is added; one on its last day still overlaps.
        await db.Set<EnrollmentPeriod>().Where(e => e.PersonId == person.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.EndDate, new DateOnly(2026, 6, 30)));
        var onLastDay = await host.ImportAsync(File(id, "2026-06-30"), "last-day.csv");
        var afterIt = await host.ImportAsync(File(id, "2026-07-01"), "after.csv");

        Assert.Equal((1, 0), (onLastDay.ErrorRows, onLastDay.AppliedRows));
        Assert.Equal((0, 1), (afterIt.ErrorRows, afterIt.AppliedRows));
        Assert.Equal(2, await db.Set<EnrollmentPeriod>().CountAsync(e => e.PersonId == person.Id));
    }

    [Fact]
    public async Task The_application_role_may_add_enrollment_periods_but_the_database_refuses_overlapping_ones()
    {
        await using var db = database.App(TenantIds.Shishi);
        var person = await RegisterDatabase.AddPersonAsync(db, "石约", "350581", new DateOnly(1934, 2, 2));
        Task<int> Enroll(DateOnly from, DateOnly? to) => db.Database.ExecuteSqlAsync($"""
            INSERT INTO enrollment_periods (tenant_id, id, person_id, scheme, start_date, end_date)
            VALUES ({TenantIds.Shishi}, {Guid.CreateVersion7()}, {person.Id}, {SchemeKinds.SpecialGroups}, {from}, {to})
            """);

        Assert.Equal(1, await Enroll(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31)));
        Assert.Equal(1, await Enroll(new DateOnly(2026, 4, 1), null));
        var refused = await Assert.ThrowsAsync<PostgresException>(() => Enroll(new DateOnly(2025, 12, 1), new DateOnly(2026, 1, 1)));

        Assert.Equal(PostgresErrorCodes.ExclusionViolation, refused.SqlState);
        Assert.Equal(EnrollmentNoOverlap.ConstraintName, refused.ConstraintName);
    }

    [Fact]
    public async Task Only_clerks_and_admins_import_and_a_request_out_of_bounds_is_refused_with_a_Chinese_message()
    {
        await using var auditor = database.Host(TenantIds.Shishi, Roles.Auditor);
        await using var clerk = database.Host(TenantIds.Shishi, Roles.Clerk);
        await using var nowhere = database.Host("nowhere", Roles.Clerk);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() =>
            auditor.Send(new StartRegisterImportCommand(new MemoryStream(), "register.csv")));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => auditor.Send(new ListRecentImportJobsQuery()));
        var format = await Assert.ThrowsAsync<RequestValidationException>(() =>
            clerk.Send(new StartRegisterImportCommand(new MemoryStream(), "register.txt")));
        Assert.Contains("不支持的文件类型「.txt」", format.Message, StringComparison.Ordinal);
        var take = await Assert.ThrowsAsync<RequestValidationException>(() => clerk.Send(new ListRecentImportJobsQuery(0)));
        Assert.Equal(nameof(ListRecentImportJobsQuery.Take), Assert.Single(take.Problems).Property);
        var tenant = await Assert.ThrowsAsync<RequestValidationException>(() =>
            nowhere.Send(new StartRegisterImportCommand(new MemoryStream(), "register.csv")));
        Assert.Contains("租户「nowhere」不存在", tenant.Message, StringComparison.Ordinal);
        Assert.Null(await clerk.Send(new GetImportJobQuery(Guid.NewGuid())));
    }

    private static MemoryStream Xlsx(params string[][] rows)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var values in rows)
            {
                var row = new Row();
                foreach (var value in values)
                    row.Append(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) });
                data.Append(row);
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets()).Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "参保人员" });
        }

        stream.Position = 0;
        return stream;
    }
}
