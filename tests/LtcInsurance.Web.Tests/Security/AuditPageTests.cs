using System.Net;
using System.Text;
using LtcInsurance.Web.Tests.Hosting;
using LtcInsurance.Web.Tests.Register;

namespace LtcInsurance.Web.Tests.Security;

/// <summary>
/// Issue #14 item 2 in the portal: a clerk signed in to the portal uploads a register file (a change: an import is
/// started); the audit trail has it with the clerk, the client address, the command and its entity; the city's auditor
/// finds it on /audit's download; a clerk and an admin are refused the page and the download.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AuditPageTests(LtcWebHost host)
{
    [Fact]
    public async Task A_change_made_in_the_portal_is_on_the_audit_trail_and_only_the_auditor_reads_it()
    {
        using var clerk = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(clerk, "clerk.yuzhong");
        var file = RegisterFiles.Csv(RegisterFiles.Row("500103", 1922, 77, "审计页甲"));
        var job = await RegisterFiles.UploadAsync(clerk, "yuzhong-audit.csv", file);

        var line = await host.QueryAsOwnerAsync<string>(
            """
            SELECT concat_ws('|', action, outcome, user_name, coalesce(client_address, '-'), coalesce(api_key_id, '-'))
            FROM audit_events WHERE tenant_id = 'yuzhong' AND kind = 'change' AND entity_id = @job AND action = 'StartRegisterImport'
            """, ("job", job.ToString()));
        var parts = line.Split('|');
        Assert.Equal(["StartRegisterImport", "succeeded", "clerk.yuzhong"], parts[..3]);
        Assert.NotEqual("-", parts[3]);
        Assert.Equal("-", parts[4]);

        using var auditor = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(auditor, "auditor.yuzhong");
        using (var page = await auditor.GetAsync("/audit"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("审计日志", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var csv = await auditor.GetAsync($"/audit/export.csv?user=clerk.yuzhong&entity={job}"))
        {
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
            Assert.Contains("StartRegisterImport", text, StringComparison.Ordinal);
            Assert.Contains("yuzhong-audit.csv", text, StringComparison.Ordinal);
        }

        using (var xlsx = await auditor.GetAsync("/audit/export.xlsx?from=2026-01-01&to=junk&kind=change"))
            Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var refused = await auditor.GetAsync("/audit/export.csv?from=2027-02-01&to=2027-01-01"))
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        foreach (var user in new[] { "clerk.yuzhong", "admin.jining" })
        {
            using var other = host.CreateBrowserLikeClient();
            await SignIn.SignInAsync(other, user);
            using var page = await other.GetAsync("/audit");
            using var download = await other.GetAsync("/audit/export.csv");
            Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
            Assert.NotEqual(HttpStatusCode.OK, download.StatusCode);
        }
    }
}
