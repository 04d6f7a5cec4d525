using System.Globalization;
using System.Net;
using System.Text;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.Api;

/// <summary>
/// A bounded fuzz test of the REST API with a fixed seed: a few hundred random JSON bodies (random shapes, mutations of a
/// valid claim, wrong content types, Idempotency-Keys) and random paths and methods under /api/v1, with a valid key. None
/// may answer a 5xx, and every error is problem+json.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ApiFuzzTests(LtcWebHost host)
{
    private const int Seed = 20261207;
    private const int Bodies = 250;
    private const int Paths = 150;

    private static readonly string[] Names =
        ["month", "lines", "lineNo", "idNumber", "day", "itemCode", "category", "quantity", "amount", "careWorkerIdNumber", "reason", "x", ""];

    private const string Junk = "{}[]\",:0-e.\\\u0000ä";

    private static readonly string[] Segments =
        ["claims", "return-codes", "withdraw", "..", "%2e%2e", "claims/", "{id}", "null", "0", "-1", "😀", "' OR 1=1 --", "a b", "CLAIMS", "v2"];

    [Fact]
    public async Task Random_bodies_and_paths_never_get_a_server_error()
    {
        var key = (await ApiKeys.CreateAsync(host.Services, TenantIds.Zhenjiang, "ZJ0003", "模糊测试")).Key;
        using var client = ApiKeys.Client(host.ServerAddress, key);
        var random = new Random(Seed);
        var failures = new List<string>();

        for (var i = 0; i < Bodies; i++)
        {
            var body = random.Next(3) switch
            {
                0 => Value(random, 0),
                1 => Mutate(random, ValidClaim(random)),
                _ => ValidClaim(random),
            };
            var path = random.Next(4) == 0 ? $"/api/v1/claims/{Guid.NewGuid()}/withdraw" : "/api/v1/claims";
            using var request = new HttpRequestMessage(HttpMethod.Post, path)
            {
                Content = new StringContent(body, Encoding.UTF8, random.Next(8) == 0 ? "text/plain" : "application/json"),
            };
            if (random.Next(3) == 0)
                request.Headers.TryAddWithoutValidation("Idempotency-Key", random.Next(2) == 0 ? $"fuzz-{random.Next(20)}" : AsciiText(random));
            await CheckAsync(client, request, body, failures);
        }

        var methods = new[] { HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Head, HttpMethod.Options };
        for (var i = 0; i < Paths; i++)
        {
            var path = "/api/v1/" + string.Join('/', Enumerable.Range(0, random.Next(1, 4)).Select(_ =>
                random.Next(3) == 0 ? Guid.NewGuid().ToString() : Segments[random.Next(Segments.Length)]));
            if (random.Next(3) == 0)
                path += "?page=" + Uri.EscapeDataString(Text(random)) + "&pageSize=" + random.Next(-5, 500) + "&month=" + Uri.EscapeDataString(Text(random));
            using var request = new HttpRequestMessage(methods[random.Next(methods.Length)], new Uri(path, UriKind.Relative));
            await CheckAsync(client, request, path, failures);
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
    }

    private static async Task CheckAsync(HttpClient client, HttpRequestMessage request, string what, List<string> failures)
    {
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        if (status >= 500)
            failures.Add($"{status} {request.Method} {request.RequestUri}: {Shorten(what)}");
        else if (status >= 400 && request.Method != HttpMethod.Head && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            failures.Add($"{status} not problem+json {request.Method} {request.RequestUri}: {Shorten(what)}");
    }

    private static string ValidClaim(Random random)
    {
        var lines = Enumerable.Range(1, random.Next(0, 6)).Select(n => string.Create(CultureInfo.InvariantCulture,
            $"{{\"lineNo\": {n}, \"idNumber\": \"45090219500101{random.Next(1000, 9999)}\", \"day\": \"2026-11-{random.Next(1, 31):D2}\", \"itemCode\": \"YL-{random.Next(100)}\", \"quantity\": {random.Next(0, 5)}, \"amount\": {random.Next(-100, 1000)}.{random.Next(100):D2}}}"));
        return $"{{\"month\": \"2026-{random.Next(0, 14):D2}\", \"lines\": [{string.Join(", ", lines)}]}}";
    }

    private static string Mutate(Random random, string json)
    {
        var chars = json.ToCharArray().ToList();
        for (var i = random.Next(1, 6); i > 0 && chars.Count > 0; i--)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(4))
            {
                case 0: chars.RemoveAt(at); break;
                case 1: chars.Insert(at, Junk[random.Next(Junk.Length)]); break;
                case 2: chars[at] = (char)random.Next(1, 0x3000); break;
                default: chars.RemoveRange(at, chars.Count - at); break;
            }
        }

        return new string([.. chars]);
    }

    private static string Value(Random random, int depth)
    {
        var kind = depth > 4 ? random.Next(4) : random.Next(7);
        return kind switch
        {
            0 => "null",
            1 => random.Next(2) == 0 ? "true" : "false",
            2 => random.Next(3) switch
            {
                0 => random.Next().ToString(CultureInfo.InvariantCulture),
                1 => "1e400",
                _ => (random.NextDouble() * 1e12 - 5e11).ToString("R", CultureInfo.InvariantCulture),
            },
            3 => "\"" + Text(random).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
            4 or 5 => "{" + string.Join(", ", Enumerable.Range(0, random.Next(0, 5)).Select(_ =>
                $"\"{Names[random.Next(Names.Length)]}\": {Value(random, depth + 1)}")) + "}",
            _ => "[" + string.Join(", ", Enumerable.Range(0, random.Next(0, 5)).Select(_ => Value(random, depth + 1))) + "]",
        };
    }

    private static string Text(Random random)
    {
        const string alphabet = "abcXYZ019-_./:T 年月日护理\t'%;<>";
        return new string([.. Enumerable.Range(0, random.Next(0, 12)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
    }

    private static string AsciiText(Random random)
    {
        const string alphabet = "abcXYZ019-_./:'%;<>=+*~!";
        return new string([.. Enumerable.Range(0, random.Next(0, 300)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
