using LtcInsurance.Domain.Tenants;
using LtcInsurance.Web.Tests.Browser;
using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.Supervision;

/// <summary>
/// Issue #14 ("an auditor opens a flagged claim, sees the rule and its evidence, records an outcome"): a claim of a
/// Jining provider carries a flag of the rule 死亡后发生护理服务. From the claim's own screen (read-only for an auditor) the
/// auditor reads the rule, clause and evidence, follows to the flag and records 已追回; and from the supervision queue,
/// found by the provider's code, records 已排除. Each outcome shows with who recorded it and is stored once.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class SupervisionQueueBrowserTests(LtcWebHost host)
{
    [Fact]
    public async Task An_auditor_opens_a_flagged_claim_reads_rule_clause_and_evidence_there_follows_to_the_flag_and_records_recovered()
    {
        var n = Guid.NewGuid().ToString("N")[..8];
        var (claim, flag, number) = await FlaggedClaimAsync("SUC" + n, "监管申报单测试护理站" + n, "browser-claim:" + n);

        await using var ui = await UiSession.SignInAsync(host, "auditor.jining");
        var page = ui.Page;
        await ui.OpenAsync($"/claims/review/{claim}");
        await page.Locator("[data-testid=claim-flag]").First.WaitForAsync();
        await ui.WaitForCircuitAsync();

        // the claim screen, read-only for the auditor: the claim, and its flag with rule, clause and evidence
        Assert.Contains(number, await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("[data-testid=claim-flag]").CountAsync());
        Assert.Equal("死亡后发生护理服务", (await page.InnerTextAsync("[data-testid=claim-flag-link]")).Trim());
        Assert.Contains("22号", await page.InnerTextAsync("[data-testid=claim-flag-clause]"), StringComparison.Ordinal);
        var evidence = await page.InnerTextAsync("[data-testid=claim-flag-evidence]");
        Assert.Contains("死亡日期：2027-03-01", evidence, StringComparison.Ordinal);
        Assert.Contains("死亡后天数：8", evidence, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-testid=review-actions], [data-testid=approve-actions]").CountAsync());
        await ui.AssertAccessibleAsync();

        // follows to the flag and records 已追回
        await page.ClickAsync("[data-testid=claim-flag-link]");
        await page.Locator("[data-testid=flag-evidence]").WaitForAsync();
        await ui.WaitForCircuitAsync();
        Assert.Equal("死亡后发生护理服务", (await page.InnerTextAsync("[data-testid=flag-rule]")).Trim());
        await ui.AssertAccessibleAsync();
        await RecordOutcomeAsync(ui, flag, "已追回", "recovered", "死亡后服务费用 120.00 元已从该机构下期结算中扣回");

        // the claim screen now shows the outcome
        await ui.OpenAsync($"/claims/review/{claim}");
        await page.Locator("[data-testid=claim-flag]", new() { HasTextString = "已追回" }).WaitForAsync();
    }

    [Fact]
    public async Task An_auditor_opens_a_flagged_claims_flag_sees_the_rule_and_evidence_and_records_an_outcome()
    {
        var n = Guid.NewGuid().ToString("N")[..8];
        var code = "SUP" + n;
        var (_, flag, number) = await FlaggedClaimAsync(code, "监管浏览测试护理站" + n, "browser:" + n);

        await using var ui = await UiSession.SignInAsync(host, "auditor.jining");
        var page = ui.Page;
        await ui.OpenAsync("/supervision");
        await FilterByProviderAsync(ui, code, "死亡后发生护理服务");
        await page.ClickAsync("[data-testid=flag-link]");
        await page.Locator("[data-testid=flag-evidence]").WaitForAsync();
        await ui.WaitForCircuitAsync();

        Assert.Equal("死亡后发生护理服务", (await page.InnerTextAsync("[data-testid=flag-rule]")).Trim());
        Assert.Contains("22号", await page.InnerTextAsync("[data-testid=flag-clause]"), StringComparison.Ordinal);
        Assert.Contains($"{number} #3", await page.InnerTextAsync("[data-testid=flag-claim]"), StringComparison.Ordinal);
        var evidence = await page.InnerTextAsync("[data-testid=flag-evidence]");
        Assert.Contains("死亡日期", evidence, StringComparison.Ordinal);
        Assert.Contains("2027-03-01", evidence, StringComparison.Ordinal);
        Assert.Contains("死亡后天数", evidence, StringComparison.Ordinal);

        await ui.AssertAccessibleAsync(); // before the success snackbar, whose theme colours are not this page's to fix
        await RecordOutcomeAsync(ui, flag, "已排除", "dismissed", "核实为录入错误，死亡日期应为 2027-04-01");
    }

    /// <summary>
    /// A submitted claim of a new Jining provider (<paramref name="code"/>, <paramref name="name"/>) with one flag of
    /// 死亡后发生护理服务 on its line 3, as the nightly run stores it.
    /// </summary>
    private async Task<(Guid Claim, Guid Flag, string Number)> FlaggedClaimAsync(string code, string name, string fingerprint)
    {
        var tenant = TenantIds.Jining;
        var number = $"CLM-202703-{code}-1";
        var institution = await host.QueryAsOwnerAsync<Guid>(
            """
            insert into institutions (tenant_id, id, code, name, service_modes, region_code, status)
            values (@tenant, @id, @code, @name, '{home}', '370811', 'active') returning id
            """,
            ("tenant", tenant), ("id", Guid.CreateVersion7()), ("code", code), ("name", name));
        var claim = await host.QueryAsOwnerAsync<Guid>(
            """
            insert into claims (tenant_id, id, number, institution_id, service_month, status, client_key, request_hash, submitted_by,
                submitted_at, billed, fund, individual, return_codes, sampled, event_count, version)
            values (@tenant, @id, @number, @institution, date '2027-03-01', 'submitted', @key, 'hash', 'test', now(), 0, 0, 0, '{}', false, 0, 0)
            returning id
            """,
            ("tenant", tenant), ("id", Guid.CreateVersion7()), ("number", number), ("institution", institution), ("key", "k" + code));
        var flag = await host.QueryAsOwnerAsync<Guid>(
            """
            insert into anomaly_flags (tenant_id, id, rule_code, clause, subject_kind, subject_id, claim_id, line_no, institution_id, service_month,
                fingerprint, evidence, source, created_by, created_at, status, version)
            values (@tenant, @id, 'service_after_death', 'ZJ 三(四)；医保办发〔2024〕22号 异常数据筛查', 'claim_line', @claim, @claim, 3, @institution,
                date '2027-03-01', @fingerprint, '{"day": "2027-03-09", "dateOfDeath": "2027-03-01", "daysAfterDeath": 8, "amount": 120.00}'::jsonb,
                'nightly', 'nightly-supervision', now(), 'open', 0)
            returning id
            """,
            ("tenant", tenant), ("id", Guid.CreateVersion7()), ("claim", claim), ("institution", institution), ("fingerprint", fingerprint));
        return (claim, flag, number);
    }

    /// <summary>Filters the supervision queue by <paramref name="providerCode"/> and waits until only its flag is listed.</summary>
    private static async Task FilterByProviderAsync(UiSession ui, string providerCode, string ruleName)
    {
        var page = ui.Page;
        await page.FillAsync("#supervision-provider", providerCode);
        await page.Locator("[data-testid=flag-link]", new() { HasTextString = ruleName }).First.WaitForAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=flag-link]').length === 1"); // the filter has applied
    }

    /// <summary>
    /// On the open flag: records <paramref name="label"/> with <paramref name="note"/>, waits until the outcome shows with
    /// who recorded it, and checks it is stored once (as <paramref name="outcome"/>, by the auditor) and is the flag's status.
    /// </summary>
    private async Task RecordOutcomeAsync(UiSession ui, Guid flag, string label, string outcome, string note)
    {
        var page = ui.Page;
        await ui.ChooseAsync("flag-outcome", label);
        await page.FillAsync("#flag-note", note);
        await page.ClickAsync("[data-testid=flag-record]");
        await page.Locator("[data-testid=flag-outcomes]", new() { HasTextString = label }).WaitForAsync();
        Assert.Contains("auditor.jining", await page.InnerTextAsync("[data-testid=flag-outcomes]"), StringComparison.Ordinal);

        Assert.Equal(1L, await host.QueryAsOwnerAsync<long>(
            "select count(*) from anomaly_flag_outcomes where flag_id = @flag and outcome = @outcome and recorded_by = 'auditor.jining'",
            ("flag", flag), ("outcome", outcome)));
        Assert.Equal(outcome, await host.QueryAsOwnerAsync<string>("select status from anomaly_flags where id = @flag", ("flag", flag)));
    }
}
