using LtcInsurance.Cli;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Integration.Tests.Enrollment;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Integration.Tests.Cities.Fictitious;

/// <summary><c>ltc tenant add &lt;id&gt;</c> against a real database: opens a registered module once, refuses in Chinese otherwise.</summary>
[Collection(RegisterDatabaseCollection.Name)]
public sealed class TenantAddCommandTests(RegisterDatabase database)
{
    private const string Id = "fictitious_cli";

    private Task<(int Code, string Stdout, string Stderr)> Ltc(params string[] args) =>
        Run([.. args, "--connection", database.Server.AppConnectionString]);

    [Fact]
    public async Task Opens_a_registered_city_once_with_a_one_time_password_and_records_the_operator()
    {
        using var registered = CityRegistry.Use(CityRegistry.BuiltIn.With(new FictitiousModule(Id)));

        var (code, stdout, stderr) = await Ltc("tenant", "add", Id);
        Assert.True(code == 0, stderr);
        Assert.Contains("admin." + Id, stdout, StringComparison.Ordinal);
        Assert.Contains("一次性密码", stdout, StringComparison.Ordinal);
        await using (var owner = database.Owner())
        {
            var tenant = await owner.Tenants.AsNoTracking().SingleAsync(t => t.Id == Id);
            Assert.StartsWith("cli:", tenant.CreatedBy, StringComparison.Ordinal);
            Assert.NotNull(tenant.CreatedAt);
        }

        var again = await Ltc("tenant", "add", Id);
        Assert.Equal(1, again.Code);
        Assert.Contains("已经开通", again.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("一次性密码", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_an_unknown_module_and_an_existing_tenant_in_chinese()
    {
        var unknown = await Ltc("tenant", "add", "atlantis");
        Assert.Equal(1, unknown.Code);
        Assert.Contains("没有代码为「atlantis」的城市模块", unknown.Stderr, StringComparison.Ordinal);

        var existing = await Ltc("tenant", "add", TenantIds.Yulin);
        Assert.Equal(1, existing.Code);
        Assert.Contains("玉林市（yulin）已经开通", existing.Stderr, StringComparison.Ordinal);

        var malformed = await Ltc("tenant", "add", "Yu Lin");
        Assert.Equal(1, malformed.Code);
        Assert.Contains("城市代码", malformed.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_id_it_prints_the_usage()
    {
        var (code, _, stderr) = await Run(["tenant", "add"]);
        Assert.Equal(64, code);
        Assert.Contains("ltc tenant add <id>", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> Run(string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, new StringReader(""), stdout, stderr, showExceptionDetails: true);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
