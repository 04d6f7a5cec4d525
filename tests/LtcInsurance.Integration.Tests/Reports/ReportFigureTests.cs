using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Projection.ExportProjection;
using LtcInsurance.Application.Projection.ProjectFund;
using LtcInsurance.Application.Reports;
using LtcInsurance.Application.Reports.ExportCityFigure;
using LtcInsurance.Application.Reports.ExportStatisticalReport;
using LtcInsurance.Application.Reports.GetCityFigure;
using LtcInsurance.Application.Reports.GetStatisticalReport;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Benefits;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Integration.Tests.Enrollment;
using LtcInsurance.Integration.Tests.Ledger;
using static LtcInsurance.Integration.Tests.Ledger.LedgerDatabase;

namespace LtcInsurance.Integration.Tests.Reports;

/// <summary>
/// The dashboard figures, the statistical reports and the projection on a tenant of the test's own, against figures
/// computed by hand from what the test posts and registers.
/// </summary>
[Collection(LedgerDatabaseCollection.Name)]
public class ReportFigureTests(LedgerDatabase database)
{
    private const string Region = "320102";

    /// <summary>
    /// The books: 2026 income 1,000 (January) and one claim of 500 (December); 2027 income 10,000 every month, claims of
    /// 3,000 (March) and 4,500 (July). Balance end 2026: 500; end 2027: 500 + 120,000 − 7,500 = 113,000.
    /// </summary>
    private async Task<string> BooksAsync()
    {
        var tenant = await database.NewTenantAsync();
        await using var db = database.App(tenant);
        var poster = Poster(db);
        await poster.PostAsync(Contribution("c2026", 1000m, new DateOnly(2026, 1, 15)));
        await poster.PostAsync(Claim("k2026", 500m, new DateOnly(2026, 12, 10)));
        for (var m = 1; m <= 12; m++)
            await poster.PostAsync(Contribution($"c2027-{m}", 10_000m, new DateOnly(2027, m, 5)));
        await poster.PostAsync(Claim("k2027-3", 3_000m, new DateOnly(2027, 3, 20)));
        await poster.PostAsync(Claim("k2027-7", 4_500m, new DateOnly(2027, 7, 20)));
        return tenant;
    }

    [Fact]
    public async Task Fund_figure_gives_monthly_income_expenditure_balance_and_months_of_reserve_from_the_books()
    {
        var tenant = await BooksAsync();
        await using var auditor = database.UseCases(tenant, Roles.Auditor);

        var fund = await auditor.Send(new GetCityFigureQuery(CityFigure.Fund, 2027));

        Assert.Equal(12, fund.Rows.Count);
        var january = fund.Rows[0];
        Assert.Equal(["2027-01", 10_000m, 0m, 10_000m, 10_500m, 252.0m], january);
        // July: balance 500 + 70,000 − 7,500; spent in Aug 2026 – Jul 2027: 500 + 3,000 + 4,500 = 8,000 → 63,000 / (8,000 / 12).
        Assert.Equal(["2027-07", 10_000m, 4_500m, 5_500m, 63_000m, 94.5m], fund.Rows[6]);
        Assert.Equal(113_000m, fund.Rows[11][4]);
    }

    [Fact]
    public async Task Fund_monthly_statement_shows_each_account_for_the_month_and_the_year_to_date()
    {
        var tenant = await BooksAsync();
        await using var clerk = database.UseCases(tenant, Roles.Clerk);

        var report = await clerk.Send(new GetStatisticalReportQuery(StatisticalReport.FundMonthly, 2027, 7));

        Assert.Equal("基金收支月报（2027-07）", report.Title);
        Assert.Contains(report.Rows, r => (string)r[0] == StandardChart.ContributionIncome(Domain.Vocabulary.Payer.Individual) && (decimal)r[2] == 10_000m && (decimal)r[3] == 70_000m);
        Assert.Contains(report.Rows, r => (string)r[1] == "支出合计" && (decimal)r[2] == 4_500m && (decimal)r[3] == 7_500m);
        Assert.Contains(report.Rows, r => (string)r[1] == "本期结余" && (decimal)r[2] == 5_500m && (decimal)r[3] == 62_500m);
        Assert.Contains(report.Rows, r => (string)r[1] == "期末累计结余" && (decimal)r[2] == 63_000m);

        var xlsx = await clerk.Send(new ExportStatisticalReportQuery(StatisticalReport.FundMonthly, 2027, 7, ReportFormat.Xlsx));
        Assert.Equal("基金收支月报_2027-07.xlsx", xlsx.FileName);
        Assert.Contains(Cells(xlsx.Content), c => c == "63000.00" || c == "63000");
        var pdf = await clerk.Send(new ExportStatisticalReportQuery(StatisticalReport.FundMonthly, 2027, 7, ReportFormat.Pdf));
        Assert.Equal("基金收支月报_2027-07.pdf", pdf.FileName);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf.Content, 0, 4), StringComparison.Ordinal);
    }

    [Fact]
    public async Task First_projected_year_with_unchanged_parameters_and_no_growth_reproduces_the_last_full_year_within_one_percent()
    {
        var tenant = await BooksAsync();
        await using var auditor = database.UseCases(tenant, Roles.Auditor);

        var projection = await auditor.Send(new ProjectFundQuery(Years: 3, BaseYear: 2027, InsuredGrowth: 0m, ContributionGrowth: 0m,
            BeneficiaryGrowth: 0m, CostGrowth: 0m));

        Assert.Equal(120_000m, projection.BaseIncome);
        Assert.Equal(7_500m, projection.BaseExpense);
        Assert.Equal(113_000m, projection.OpeningBalance);
        var first = projection.Years[0];
        Assert.Equal(2028, first.Year);
        Assert.InRange(first.Income, 120_000m * 0.99m, 120_000m * 1.01m);
        Assert.InRange(first.Expense, 7_500m * 0.99m, 7_500m * 1.01m);
        Assert.Equal(113_000m + 112_500m, first.Balance);
        Assert.Equal(113_000m + 3 * 112_500m, projection.Years[2].Balance);
        Assert.All(projection.Assumptions.Take(4), a => Assert.True(a.UserInput));

        // Growth from the user compounds: 10 % more contributions per head → 132,000 in the first year, 145,200 in the second.
        var grown = await auditor.Send(new ProjectFundQuery(Years: 2, BaseYear: 2027, InsuredGrowth: 0m, ContributionGrowth: 10m,
            BeneficiaryGrowth: 0m, CostGrowth: 0m));
        Assert.Equal([132_000m, 145_200m], grown.Years.Select(y => y.Income));
    }

    [Fact]
    public async Task Projection_states_history_as_the_source_of_growth_and_refuses_what_if_without_a_policy_scheme()
    {
        var tenant = await BooksAsync();
        await using var auditor = database.UseCases(tenant, Roles.Auditor);

        var projection = await auditor.Send(new ProjectFundQuery(Years: 1, BaseYear: 2027));
        Assert.All(projection.Assumptions, a => Assert.False(a.UserInput));
        Assert.Contains("历史数据", projection.Assumptions[0].Source, StringComparison.Ordinal);

        var refused = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => auditor.Send(
            new ProjectFundQuery(Years: 1, BaseYear: 2027, Overrides: new Dictionary<string, decimal> { ["employerRate"] = 0.002m })));
        Assert.Equal("projection.no_policy", refused.Code);
        await Assert.ThrowsAsync<RequestValidationException>(() => auditor.Send(new ProjectFundQuery(Years: 6, BaseYear: 2027)));
        await Assert.ThrowsAsync<BusinessRuleViolationException>(() => auditor.Send(new ProjectFundQuery(Years: 1, BaseYear: 2025)));

        var csv = await auditor.Send(new ExportProjectionQuery(new ProjectFundQuery(1, 2027, 0m, 0m, 0m, 0m), ReportFormat.Csv));
        var text = System.Text.Encoding.UTF8.GetString(csv.Content);
        Assert.Contains("2028,120000.00,7500.00,112500.00,225500.00", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_figures_count_enrolments_beneficiaries_applications_and_deadlines_of_the_tenant()
    {
        var tenant = await database.NewTenantAsync();
        await using (var db = database.App(tenant))
        {
            var a = await RegisterDatabase.AddPersonAsync(db, "甲", Region, new DateOnly(1950, 1, 1));
            var b = await RegisterDatabase.AddPersonAsync(db, "乙", Region, new DateOnly(1951, 1, 1));
            var c = await RegisterDatabase.AddPersonAsync(db, "丙", Region, new DateOnly(1952, 1, 1));
            db.Add(EnrollmentPeriod.Open(a, "resident", new DateOnly(2026, 5, 1), null, [], null));
            var leaving = EnrollmentPeriod.Open(b, "resident", new DateOnly(2027, 3, 10), null, [], null);
            leaving.End(new DateOnly(2027, 8, 31));
            db.Add(leaving);
            db.Add(EnrollmentPeriod.Open(c, "resident", new DateOnly(2027, 3, 1), null, [], null));
            foreach (var (person, level, label, mode, from, to) in new[]
                     {
                         (a, 3, "重度失能一级", "home", new DateOnly(2027, 2, 1), (DateOnly?)null),
                         (c, 4, "重度失能二级", "institution", new DateOnly(2027, 4, 1), (DateOnly?)new DateOnly(2027, 6, 30)),
                     })
            {
                var application = AssessmentApplication.Register(tenant, person.Id, ApplicantKinds.Person, person.Name, null, null,
                    new DateOnly(2027, 1, 5), null, false, [ApplicationDocuments.IdCard], new DateOnly(2027, 1, 12), new DateOnly(2027, 1, 30),
                    "test", DateTimeOffset.UtcNow);
                db.Add(application);
                db.Add(BenefitEntitlement.Grant(tenant, person.Id, application.Id, level, label, mode, null, from, to, null, "[]", "test", DateTimeOffset.UtcNow));
            }

            await db.SaveChangesAsync();
        }

        await using var admin = database.UseCases(tenant, Roles.Admin);
        var insured = await admin.Send(new GetCityFigureQuery(CityFigure.Insured, 2027));
        Assert.Equal(["2027-01", 0, 0, 1, 0m], insured.Rows[0]);
        Assert.Equal(["2027-03", 2, 0, 3, 200m], insured.Rows[2]);
        Assert.Equal(["2027-08", 0, 1, 2, -33.33m], insured.Rows[7]);
        Assert.Equal(2, insured.Rows[11][3]);

        var beneficiaries = await admin.Send(new GetStatisticalReportQuery(StatisticalReport.BeneficiariesByLevelAndMode, 2027, 5));
        Assert.Equal(["失能等级/level", "居家护理", "机构护理", "合计/total"], beneficiaries.Columns);
        Assert.Equal(["重度失能一级", 1, 0, 1], beneficiaries.Rows[0]);
        Assert.Equal(["重度失能二级", 0, 1, 1], beneficiaries.Rows[1]);
        Assert.Equal(["合计", 1, 1, 2], beneficiaries.Rows[2]);
        var july = await admin.Send(new GetStatisticalReportQuery(StatisticalReport.BeneficiariesByLevelAndMode, 2027, 7));
        Assert.Equal(["合计", 1, 1], july.Rows[^1]);

        var applications = await admin.Send(new GetCityFigureQuery(CityFigure.Applications, 2027));
        Assert.Contains(applications.Rows, r => (string)r[0] == "办理中" && (int)r[1] == 2);
        Assert.Contains(applications.Rows, r => (string)r[0] == "申请合计" && (int)r[1] == 2);

        var deadlines = await admin.Send(new GetCityFigureQuery(CityFigure.Deadlines));
        var acceptance = deadlines.Rows.Single(r => (string)r[0] == "受理审核");
        Assert.Equal(2, acceptance[5]);

        var xlsx = await admin.Send(new ExportCityFigureQuery(CityFigure.Insured, ReportFormat.Xlsx, 2027));
        Assert.EndsWith(".xlsx", xlsx.FileName, StringComparison.Ordinal);
        Assert.Contains("月末在保/insured", Cells(xlsx.Content));
    }

    [Fact]
    public async Task Only_auditors_admins_and_clerks_see_the_figures_and_bad_input_is_refused_in_chinese()
    {
        var tenant = await database.NewTenantAsync();
        await using var institution = database.UseCases(tenant, Roles.Institution);
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => institution.Send(new GetCityFigureQuery(CityFigure.Fund, 2027)));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => institution.Send(new ProjectFundQuery()));

        await using var clerk = database.UseCases(tenant, Roles.Clerk);
        var invalid = await Assert.ThrowsAsync<RequestValidationException>(() =>
            clerk.Send(new GetStatisticalReportQuery(StatisticalReport.ClaimsByProvider, 2027, 13)));
        Assert.Contains("月份", invalid.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<RequestValidationException>(() => clerk.Send(new ExportCityFigureQuery(CityFigure.Fund, ReportFormat.Pdf, 2027)));
    }

    /// <summary>Every cell's text of the first sheet (shared strings resolved).</summary>
    private static List<string> Cells(byte[] content)
    {
        using var stream = new MemoryStream(content);
        using var document = SpreadsheetDocument.Open(stream, false);
        var shared = document.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        return [.. document.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<Cell>().Select(c =>
            c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
            : c.InlineString?.InnerText ?? c.CellValue?.Text ?? "")];
    }
}
