using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Web.Tests.Claims;

namespace LtcInsurance.Web.Tests.Api;

/// <summary>
/// Two (or more) posters with one Idempotency-Key at the same moment: exactly one request runs and stores its claim; every
/// other one is told clearly — 409 problem+json (<c>idempotency_in_progress</c>) while the first is in flight, or the
/// first's stored answer replayed once it is done — never a second claim, never a 5xx. Parallel callers, three rounds,
/// bounded in time.
/// </summary>
[Collection(ClaimsApiCollection.Name)]
public sealed class ClaimsApiConcurrencyTests(ClaimsHost host)
{
    private const int Posters = 6;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Posters_sending_one_idempotency_key_at_once_store_one_claim_and_the_others_get_409_or_the_replay()
    {
        var clock = Stopwatch.StartNew();
        var inFlight = 0;
        for (var round = 0; round < 3; round++)
        {
            var provider = await host.ProviderAsync();
            var key = (await ApiKeys.CreateAsync(host.Services, TenantIds.Yulin, provider.Code)).Key;
            var clients = Enumerable.Range(0, Posters).Select(_ => ApiKeys.Client(host.ServerAddress, key)).ToList();
            try
            {
                var body = Claim(provider, 20);
                var idempotencyKey = "race-" + Guid.NewGuid().ToString("N");
                using var start = new SemaphoreSlim(0, Posters);
                var posts = clients.Select(client => Task.Run(async () =>
                {
                    await start.WaitAsync();
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/claims")
                    {
                        Content = new StringContent(body, Encoding.UTF8, "application/json"),
                    };
                    request.Headers.Add("Idempotency-Key", idempotencyKey);
                    using var response = await client.SendAsync(request);
                    return new Answer(response.StatusCode, response.Content.Headers.ContentType?.MediaType,
                        response.Headers.TryGetValues("Idempotency-Replayed", out var replayed) && replayed.Contains("true"),
                        await response.Content.ReadAsStringAsync());
                })).ToList();
                start.Release(Posters);
                var answers = await Task.WhenAll(posts).WaitAsync(Bound);

                Assert.All(answers, a => Assert.True((int)a.Status < 500, $"{(int)a.Status}: {a.Body}"));
                var ran = Assert.Single(answers, a => a.Status == HttpStatusCode.Created && !a.Replayed);
                foreach (var other in answers.Where(a => !ReferenceEquals(a, ran)))
                {
                    if (other.Status == HttpStatusCode.Conflict)
                    {
                        inFlight++;
                        Assert.Equal("application/problem+json", other.MediaType);
                        using var problem = JsonDocument.Parse(other.Body);
                        Assert.Equal("idempotency_in_progress", problem.RootElement.GetProperty("code").GetString());
                        Assert.Contains("正在处理中", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
                    }
                    else
                    {
                        Assert.True(other.Status == HttpStatusCode.Created && other.Replayed, $"{(int)other.Status}: {other.Body}");
                        Assert.Equal(ran.Body, other.Body);
                    }
                }

                Assert.Equal(1L, await host.QueryAsOwnerAsync<long>(
                    "SELECT count(*) FROM claims c JOIN institutions i ON i.tenant_id = c.tenant_id AND i.id = c.institution_id WHERE i.code = @code",
                    ("code", provider.Code)));
                Assert.Equal(1L, await host.QueryAsOwnerAsync<long>(
                    "SELECT count(*) FROM api_idempotency_keys WHERE idempotency_key = @key", ("key", idempotencyKey)));
            }
            finally
            {
                clients.ForEach(c => c.Dispose());
            }
        }

        // Six posters released together: some arrive while the first is still running (else this test proves nothing).
        Assert.True(inFlight > 0, "no poster ever met the first one in flight: the race was not run");
        Assert.True(clock.Elapsed < Bound, $"took {clock.Elapsed}");
    }

    private sealed record Answer(HttpStatusCode Status, string? MediaType, bool Replayed, string Body);

    /// <summary>Care and bed on each of the first <paramref name="days"/> days of January 2027.</summary>
    private static string Claim(ClaimsProvider provider, int days)
    {
        var lines = Enumerable.Range(1, days).SelectMany(d => new[]
        {
            $"{{\"lineNo\": {2 * d - 1}, \"idNumber\": \"{provider.IdNumber}\", \"day\": \"2027-01-{d:D2}\", \"itemCode\": \"{provider.CareItem}\", \"quantity\": 1, \"amount\": 80.00}}",
            $"{{\"lineNo\": {2 * d}, \"idNumber\": \"{provider.IdNumber}\", \"day\": \"2027-01-{d:D2}\", \"itemCode\": \"{provider.BedItem}\", \"quantity\": 1, \"amount\": 30.00}}",
        });
        return $"{{\"month\": \"2027-01\", \"lines\": [{string.Join(", ", lines)}]}}";
    }
}
