using System.Text;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Providers;
using LtcInsurance.Application.Providers.AddCareWorker;
using LtcInsurance.Application.Providers.EndSanction;
using LtcInsurance.Application.Providers.GetProvider;
using LtcInsurance.Application.Providers.ImportServiceCatalogue;
using LtcInsurance.Application.Providers.ListProviders;
using LtcInsurance.Application.Providers.ListSanctions;
using LtcInsurance.Application.Providers.ListServiceItems;
using LtcInsurance.Application.Providers.RecordSanction;
using LtcInsurance.Application.Providers.RegisterIndividualProvider;
using LtcInsurance.Application.Providers.RegisterInstitution;
using LtcInsurance.Application.Providers.UpdateCareWorker;
using LtcInsurance.Application.Providers.UpdateInstitution;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Providers;
using LtcInsurance.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LtcInsurance.Integration.Tests.Providers;

/// <summary>
/// The provider register and the service catalogue (issue #13, items 1-2): registering and updating with history,
/// individual providers only where the city admits them, sanctions in force on a date and ended once, and the dated,
/// all-or-nothing catalogue import.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ProviderRegisterTests(PostgresFixture db)
{
    private static string NewCode(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private static ProviderTerms Terms(string name, string region, string[] modes, int? level = null) =>
        new(name, modes, level, region, new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31),
            "演示银行", name, "6222000011112222", "LIAB-001", new DateOnly(2026, 12, 31));

    private static string IdFor(string region, int sequence) => IdNumber.Create(region, new DateOnly(1980, 5, 6), sequence).ToString();

    [Fact]
    public async Task A_jining_hospital_is_registered_and_updated_and_every_change_is_kept_with_who_and_when()
    {
        await using var host = UseCaseHost.For(db.AppConnectionString, TenantIds.Jining, Roles.Clerk);
        var code = NewCode("JNT");
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        var id = await host.Send(new RegisterInstitutionCommand(code, Terms("任城测试医院", "370811", ["medical_special", "home_medical"], 2)));

        // 医疗专护 without a level is refused (JN pays it by the level)
        var noLevel = await Assert.ThrowsAsync<RequestValidationException>(() =>
            host.Send(new RegisterInstitutionCommand(NewCode("JNT"), Terms("无级别医院", "370811", ["medical_special"]))));
        Assert.Contains(noLevel.Problems, p => p.Message.Contains("医疗机构级别", StringComparison.Ordinal));
        // a second use of the code is refused
        var duplicate = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            host.Send(new RegisterInstitutionCommand(code, Terms("重复", "370811", ["home_medical"]))));
        Assert.Equal(ProviderCodes.DuplicateCode, duplicate.Code);

        var terms = Terms("任城测试医院", "370811", ["medical_special", "home_medical"], 3) with { AgreementTo = new DateOnly(2029, 6, 30) };
        var noReason = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            host.Send(new UpdateInstitutionCommand(id, terms, InstitutionStatus.Suspended, null)));
        Assert.Contains("原因", noReason.Message, StringComparison.Ordinal);
        var changed = await host.Send(new UpdateInstitutionCommand(id, terms, InstitutionStatus.Suspended, "年度考核不合格，暂停协议"));
        Assert.Equal(3, changed); // level, agreement end, status

        var detail = await host.Send(new GetProviderQuery(id));
        Assert.Equal(InstitutionStatus.Suspended, detail.Summary.Status);
        Assert.Equal(3, detail.Summary.MedicalInstitutionLevel);
        Assert.Equal("年度考核不合格，暂停协议", detail.StatusReason);
        Assert.Equal("6222000011112222", detail.BankAccountNumber);
        var status = Assert.Single(detail.Changes, c => c.Field == ProviderFields.Status);
        Assert.Equal(("Active", "Suspended", "年度考核不合格，暂停协议"), (status.Before, status.After, status.Note));
        Assert.Equal("test.jining", status.ChangedBy);
        Assert.InRange(status.ChangedAt, before, DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Contains(detail.Changes, c => c.Field == ProviderFields.MedicalLevel && c.Before == "2" && c.After == "3");
        Assert.Contains(detail.Changes, c => c.Field == ProviderFields.Registered && c.After == code);

        var page = await host.Send(new ListProvidersQuery(Text: code, Status: InstitutionStatus.Suspended));
        Assert.Equal(id, Assert.Single(page.Items).Id);
        Assert.Empty((await host.Send(new ListProvidersQuery(Text: code, Status: InstitutionStatus.Active))).Items);

        // another tenant does not see it
        await using var other = UseCaseHost.For(db.AppConnectionString, TenantIds.Yulin, Roles.Clerk);
        var notFound = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => other.Send(new GetProviderQuery(id)));
        Assert.Equal(ProviderCodes.NotFound, notFound.Code);
    }

    [Fact]
    public async Task An_individual_provider_is_refused_with_the_clause_where_the_city_does_not_admit_them_and_registered_where_it_does()
    {
        await using var zhenjiang = UseCaseHost.For(db.AppConnectionString, TenantIds.Zhenjiang, Roles.Clerk);
        var refused = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => zhenjiang.Send(new RegisterIndividualProviderCommand(
            NewCode("ZJI"), IdFor("321102", 11), ["nurse"], Terms("镇江个体", "321102", ["individual_care_worker"]))));
        Assert.Equal(ProviderCodes.IndividualNotAdmitted, refused.Code);
        Assert.Contains("镇江市", refused.Message, StringComparison.Ordinal);
        Assert.Contains("SS 二(五)1", refused.Message, StringComparison.Ordinal);
        await using (var zj = db.AppContext(TenantIds.Zhenjiang))
            Assert.False(await zj.Institutions.AnyAsync(i => i.Name == "镇江个体"));

        await using var shishi = UseCaseHost.For(db.AppConnectionString, TenantIds.Shishi, Roles.Clerk);
        var idNumber = IdFor("350581", 21);
        var id = await shishi.Send(new RegisterIndividualProviderCommand(
            NewCode("SSI"), idNumber, ["nurse", "caregiver"], Terms("石狮个体护士", "350581", ["individual_care_worker"])));
        var detail = await shishi.Send(new GetProviderQuery(id));
        Assert.Equal(ProviderKinds.Individual, detail.Summary.Kind);
        Assert.Equal(["individual_care_worker"], detail.Summary.ServiceModes);
        var self = Assert.Single(detail.CareWorkers);
        Assert.Equal("石狮个体护士", self.Name);
        Assert.Equal(["nurse", "caregiver"], self.Qualifications);
        Assert.DoesNotContain(idNumber[6..14], self.MaskedIdNumber, StringComparison.Ordinal);
        var another = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            shishi.Send(new AddCareWorkerCommand(id, "另一人", IdFor("350581", 22), ["caregiver"])));
        Assert.Contains("个体服务人员", another.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Care_workers_need_a_valid_id_number_and_known_qualifications_and_their_changes_are_kept()
    {
        await using var host = UseCaseHost.For(db.AppConnectionString, TenantIds.Yulin, Roles.Admin);
        var provider = await host.Send(new RegisterInstitutionCommand(NewCode("YLT"), Terms("玉林测试护理院", "450902", ["institution", "home"])));
        var bad = await Assert.ThrowsAsync<RequestValidationException>(() =>
            host.Send(new AddCareWorkerCommand(provider, "张三", "450902198005060000", ["pilot"])));
        Assert.Contains(bad.Problems, p => p.Message.StartsWith("身份证号码无效", StringComparison.Ordinal));
        Assert.Contains(bad.Problems, p => p.Message.Contains("pilot", StringComparison.Ordinal));

        var worker = await host.Send(new AddCareWorkerCommand(provider, "张三", IdFor("450902", 31), ["caregiver"]));
        var duplicate = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            host.Send(new AddCareWorkerCommand(provider, "张三", IdFor("450902", 31), ["caregiver"])));
        Assert.Equal(ProviderCodes.DuplicateWorker, duplicate.Code);
        Assert.Equal(2, await host.Send(new UpdateCareWorkerCommand(worker, "张三", IdFor("450902", 31), ["caregiver", "nurse"], false)));

        var detail = await host.Send(new GetProviderQuery(provider));
        var view = Assert.Single(detail.CareWorkers);
        Assert.False(view.Active);
        Assert.Equal(["nurse", "caregiver"], view.Qualifications); // stored in the vocabulary's order
        Assert.Contains(detail.Changes, c => c.Field == ProviderFields.WorkerQualifications && c.CareWorkerId == worker);
    }

    [Fact]
    public async Task A_sanction_is_in_force_on_its_days_is_ended_once_only_earlier_and_the_database_refuses_any_other_change()
    {
        await using var host = UseCaseHost.For(db.AppConnectionString, TenantIds.Yuzhong, Roles.Clerk);
        var provider = await host.Send(new RegisterInstitutionCommand(NewCode("YZT"), Terms("渝中测试护理院", "500103", ["institution"])));
        var worker = await host.Send(new AddCareWorkerCommand(provider, "李四", IdFor("500103", 41), ["caregiver"]));
        var sanction = await host.Send(new RecordSanctionCommand(SanctionSubjects.CareWorker, worker,
            new DateOnly(2026, 3, 1), new DateOnly(2026, 6, 30), "虚构服务记录", "定点协议第十条"));

        async Task<bool> InForce(DateOnly day) =>
            (await host.Send(new ListSanctionsQuery(day, provider))).Items.Any(s => s.Id == sanction);
        Assert.False(await InForce(new DateOnly(2026, 2, 28)));
        Assert.True(await InForce(new DateOnly(2026, 3, 1)));
        Assert.True(await InForce(new DateOnly(2026, 6, 30)));
        Assert.False(await InForce(new DateOnly(2026, 7, 1)));
        var listed = (await host.Send(new ListSanctionsQuery(new DateOnly(2026, 4, 1), provider))).Items.Single(s => s.Id == sanction);
        Assert.Equal(("李四", "test.yuzhong"), (listed.SubjectName, listed.RecordedBy));

        var longer = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            host.Send(new EndSanctionCommand(sanction, new DateOnly(2026, 8, 1), "延长")));
        Assert.Equal(ProviderCodes.InvalidPeriod, longer.Code);
        Assert.Equal(new DateOnly(2026, 4, 15), await host.Send(new EndSanctionCommand(sanction, new DateOnly(2026, 4, 15), "整改完成")));
        Assert.True(await InForce(new DateOnly(2026, 4, 15)));
        Assert.False(await InForce(new DateOnly(2026, 4, 16)));
        var twice = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            host.Send(new EndSanctionCommand(sanction, new DateOnly(2026, 4, 10), "再次")));
        Assert.Equal(ProviderCodes.SanctionEnded, twice.Code);

        // the application role may neither rewrite nor delete a sanction
        await using var app = db.AppContext(TenantIds.Yuzhong);
        var rewrite = await Assert.ThrowsAsync<PostgresException>(() =>
            app.Database.ExecuteSqlRawAsync("UPDATE sanctions SET reason = '改写' WHERE id = {0}", sanction));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, rewrite.SqlState);
        var extend = await Assert.ThrowsAsync<PostgresException>(() =>
            app.Database.ExecuteSqlRawAsync("UPDATE sanctions SET to_date = DATE '2027-01-01' WHERE id = {0}", sanction));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, extend.SqlState);
        var delete = await Assert.ThrowsAsync<PostgresException>(() =>
            app.Database.ExecuteSqlRawAsync("DELETE FROM sanctions WHERE id = {0}", sanction));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, delete.SqlState);
    }

    private static MemoryStream Csv(params string[] lines) =>
        new(Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"));

    private const string Header = "项目编码/code,项目名称/name,类别/category,计价单位/unit,价格/price,所需资格/qualification,国家项目编码/national_code,国家目录对应/national_mapping";

    [Fact]
    public async Task The_catalogue_import_is_all_or_nothing_reports_every_bad_row_and_a_new_version_closes_the_previous_items()
    {
        const string tenant = "yuzhong";
        await using var admin = UseCaseHost.For(db.AppConnectionString, tenant, Roles.Admin);
        await using (var ctx = db.AppContext(tenant))
        {
            var existing = await ctx.Set<ServiceItem>().MaxAsync(i => (DateOnly?)i.ValidFrom);
            Assert.True(existing is null || existing < new DateOnly(2030, 1, 1), "the test's dates must be later than any stored catalogue");
        }

        var first = new DateOnly(2030, 1, 1);
        var before = (await admin.Send(new ListServiceItemsQuery(first))).Select(i => i.Id).ToList();
        var bad = await admin.Send(new ImportServiceCatalogueCommand(Csv(Header,
            "T01,测试助浴,生活照料,次,35.5,护理员,,",
            "T02,,care,次,,,,",
            "T03,测试输液,医疗,次,-1,pilot,ABC,",
            "T01,重复编码,care,次,1,,,",
            "T04,测试床位,bed,日,12.345,,123456789012345678,"), "目录.csv", first));
        Assert.False(bad.Imported);
        Assert.Contains(bad.Errors, e => e.Row == 3 && e.Column == "项目名称");
        Assert.Contains(bad.Errors, e => e.Row == 4 && e.Column == "类别");
        Assert.Contains(bad.Errors, e => e.Row == 4 && e.Column == "价格");
        Assert.Contains(bad.Errors, e => e.Row == 4 && e.Column == "所需资格");
        Assert.Contains(bad.Errors, e => e.Row == 5 && e.Message.Contains("第 2 行重复", StringComparison.Ordinal));
        Assert.Contains(bad.Errors, e => e.Row == 6 && e.Column == "价格");
        Assert.Contains(bad.Errors, e => e.Row == 6 && e.Column == "国家项目编码");
        Assert.NotNull(bad.ErrorReport);
        Assert.Contains("第 2 行重复", Encoding.UTF8.GetString(bad.ErrorReport!.Content.Span), StringComparison.Ordinal);
        Assert.Equal(before, (await admin.Send(new ListServiceItemsQuery(first))).Select(i => i.Id)); // nothing changed

        var missingColumn = await admin.Send(new ImportServiceCatalogueCommand(Csv("项目编码,项目名称", "T01,助浴"), "目录.csv", first));
        Assert.Contains(missingColumn.Errors, e => e.Row == 1 && e.Message.Contains("类别", StringComparison.Ordinal));

        var good = await admin.Send(new ImportServiceCatalogueCommand(Csv(Header,
            "T01,测试助浴,生活照料,次,35.5,护理员,,",
            "T02,测试床位,bed,日,,,,",
            "T03,测试静脉输液,medical_care,次,12,nurse,A1234567890123456,静脉输液"), "目录.csv", first));
        Assert.True(good.Imported, string.Join("; ", good.Errors.Select(e => $"{e.Row} {e.Message}")));
        Assert.Equal(3, good.ItemCount);
        var items = await admin.Send(new ListServiceItemsQuery(first));
        Assert.Equal(["T01", "T02", "T03"], items.Select(i => i.Code));
        var bath = items[0];
        Assert.Equal(("care", 35.50m, "caregiver"), (bath.Category, bath.Price, bath.RequiredQualification));
        Assert.Equal("A1234567890123456", items[2].NationalCode);

        var notLater = await admin.Send(new ImportServiceCatalogueCommand(Csv(Header, "T09,测试,care,次,1,,,"), "目录2.csv", first));
        Assert.False(notLater.Imported);
        Assert.Contains(notLater.Errors, e => e.Column == "生效日期");

        var second = new DateOnly(2030, 7, 1);
        var next = await admin.Send(new ImportServiceCatalogueCommand(Csv(Header,
            "T01,测试助浴,care,次,40,caregiver,,",
            "T05,测试陪护,care,小时,20,,,"), "目录2.csv", second));
        Assert.True(next.Imported);
        Assert.Equal(3, next.ClosedCount); // the previous version's items (the demo catalogue was closed by the first import)
        Assert.Equal(["T01", "T02", "T03"], (await admin.Send(new ListServiceItemsQuery(second.AddDays(-1)))).Select(i => i.Code));
        Assert.Equal(35.50m, (await admin.Send(new ListServiceItemsQuery(second.AddDays(-1))))[0].Price);
        var now = await admin.Send(new ListServiceItemsQuery(second));
        Assert.Equal(["T01", "T05"], now.Select(i => i.Code));
        Assert.Equal(40m, now[0].Price);

        // only an admin imports
        await using var clerk = UseCaseHost.For(db.AppConnectionString, tenant, Roles.Clerk);
        await Assert.ThrowsAsync<ForbiddenAccessException>(() =>
            clerk.Send(new ImportServiceCatalogueCommand(Csv(Header), "x.csv", second.AddDays(1))));
    }
}
