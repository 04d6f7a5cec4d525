using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace LtcInsurance.Web.Tests.Hosting;

/// <summary>
/// Several web nodes behind one address: the data-protection key ring is in the database, so a sign-in cookie (and an
/// antiforgery token) issued by one node is accepted by another node that shares nothing but the database.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class SecondNodeTests(LtcWebHost host)
{
    [Fact]
    public async Task A_cookie_issued_by_one_node_is_accepted_by_another_node_on_the_same_database()
    {
        var cookies = new CookieContainer();
        using (var first = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = host.ServerAddress })
            await SignIn.SignInAsync(first, "auditor.yuzhong");

        await using var second = new SecondNode(host);
        using var client = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookies.GetCookieHeader(host.ServerAddress));
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("工作台", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_key_ring_is_in_the_database_and_the_application_role_cannot_change_or_delete_a_key()
    {
        // Any page has protected something by now (antiforgery, cookies): the ring has at least one key.
        using (var client = host.CreateBrowserLikeClient())
            await client.GetStringAsync("/account/login");
        Assert.True(await host.QueryAsOwnerAsync<long>("SELECT count(*) FROM data_protection_keys") >= 1);

        await using var connection = new NpgsqlConnection(host.AppConnectionString);
        await connection.OpenAsync();
        foreach (var sql in new[] { "DELETE FROM data_protection_keys", "UPDATE data_protection_keys SET xml = xml" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
    }

    /// <summary>A second application on the first one's database: no seeding, its own process state and log folder.</summary>
    private sealed class SecondNode(LtcWebHost first) : WebApplicationFactory<Program>
    {
        private readonly string logs = Path.Combine(Path.GetTempPath(), "ltc-second-node-" + Guid.NewGuid().ToString("N"));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Ltc", first.AppConnectionString);
            builder.UseSetting("ConnectionStrings:LtcOwner", first.OwnerConnectionString);
            builder.UseSetting("Ltc:SeedDemoData", "false");
            builder.UseSetting("Ltc:Jobs:Enabled", "false");
            builder.UseSetting("Ltc:LogDirectory", logs);
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            try
            {
                Directory.Delete(logs, recursive: true);
            }
            catch (IOException)
            {
                // a log file still open for a moment
            }
        }
    }
}
