using System.Globalization;
using System.Text;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Cli.Import;

/// <summary>
/// Writes a synthetic register CSV of any size for load tests, streaming (constant memory). Rows are deterministic
/// for a given tenant and count; every <c>badEvery</c>-th row carries one error (a wrong check character, a missing
/// name or a region outside the tenant), so the error path is exercised at scale too.
/// </summary>
public static class RegisterFileGenerator
{
    /// <summary>The districts a tenant's rows are spread over: its module's scheme regions below the city-level code.</summary>
    private static string[]? RegionsOf(string tenant) =>
        CityRegistry.Current.Find(tenant)?.SchemeRegionCodes() is { } codes ? [.. codes.Count > 1 ? codes.Skip(1) : codes] : null;

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰"];

    public static Task WriteCsvAsync(Stream output, string tenant, int rows, int badEvery) =>
        WriteCsvAsync(output, tenant, rows, badEvery, first: 0, moveRegion: 0);

    /// <summary>
    /// Rows <paramref name="first"/> to <paramref name="first"/> + <paramref name="rows"/> - 1 of the tenant's endless
    /// deterministic register (disjoint ranges give disjoint people). <paramref name="moveRegion"/> &gt; 0 gives the same
    /// people living in another of the tenant's districts (the ID number unchanged), so that a second import changes every
    /// person's region.
    /// </summary>
    public static async Task WriteCsvAsync(Stream output, string tenant, int rows, int badEvery, int first, int moveRegion)
    {
        var regions = RegionsOf(tenant) ?? throw new ArgumentException($"unknown tenant {tenant}", nameof(tenant));
        await using var writer = new StreamWriter(output, new UTF8Encoding(true), 1 << 16, leaveOpen: true);
        writer.NewLine = "\r\n";
        await writer.WriteLineAsync(string.Join(',', RegisterColumns.All));
        var line = new StringBuilder(128);
        for (var i = first; i < first + rows; i++)
        {
            var region = regions[i % regions.Length];
            // 999 sequence numbers per birth day and region keep every generated ID number distinct.
            var birth = new DateOnly(1930, 1, 1).AddDays(i / (999 * regions.Length) % 30000);
            var id = IdNumber.Create(region, birth, i / regions.Length % 999 + 1).Value;
            region = regions[(i + moveRegion) % regions.Length];
            var name = Surnames[i % Surnames.Length] + Given[i / Surnames.Length % Given.Length];
            if (badEvery > 0 && i % badEvery == badEvery - 1)
            {
                switch (i / badEvery % 3)
                {
                    case 0:
                        id = id[..17] + (id[17] == '0' ? '1' : '0');
                        break;
                    case 1:
                        name = "";
                        break;
                    default:
                        region = "110101";
                        break;
                }
            }

            line.Clear();
            line.Append(id).Append(',').Append(name).Append(",,,,").Append(region).Append(',')
                .Append(tenant == TenantIds.Yuzhong ? "职工" : "居民").Append(',')
                .Append(tenant == TenantIds.Yuzhong ? "退休" : "无").Append(',')
                .Append(tenant == TenantIds.Shishi ? "低保" : "").Append(',')
                .Append(string.Create(CultureInfo.InvariantCulture, $"{new DateOnly(2027, 1, 1):yyyy-MM-dd}"));
            await writer.WriteLineAsync(line);
        }

        await writer.FlushAsync();
    }
}
