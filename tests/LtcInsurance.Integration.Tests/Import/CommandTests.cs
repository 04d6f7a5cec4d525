using LtcInsurance.Cli.Billing;
using LtcInsurance.Cli.Import;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Integration.Tests.Enrollment;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Integration.Tests.Import;

[Collection(RegisterDatabaseCollection.Name)]
public sealed class CommandTests(RegisterDatabase database)
{
    [Fact]
    public async Task A_generated_register_imports_with_every_bad_row_reported_and_the_report_written_next_to_it()
    {
        var file = Path.Combine(Path.GetTempPath(), $"register-{Guid.NewGuid():N}.csv");
        try
        {
            var generate = await ImportRegisterCommand.RunAsync(
                ["generate", "--tenant", TenantIds.Jining, "--rows", "2000", "--file", file, "--bad-every", "50"], TextWriter.Null, TextWriter.Null);
            Assert.Equal(0, generate);

            // Jining: its residents can be billed, so these people do not disturb the billing tests of the collection.
            await using var db = database.App(TenantIds.Jining);
            var stdout = new StringWriter();
            var exit = await ImportRegisterCommand.RunAsync(
                ["register", "--tenant", TenantIds.Jining, "--file", file, "--connection", database.Server.AppConnectionString],
                stdout, TextWriter.Null);

            Assert.Equal(0, exit);
            var job = await db.Set<Domain.Enrollment.ImportJob>().OrderByDescending(j => j.CreatedAt).FirstAsync();
            Assert.Equal((2000, 1960, 40), (job.TotalRows, job.ValidRows, job.ErrorRows));
            Assert.Equal(41, File.ReadAllLines(file + ".errors.csv").Length);
            Assert.Contains("错误 40", stdout.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
            File.Delete(file + ".errors.csv");
        }
    }

    [Theory]
    [InlineData("beijing", "租户「beijing」不存在")]
    [InlineData("Bei Jing", "租户标识「Bei Jing」格式不正确")]
    public async Task Importing_for_a_tenant_that_does_not_exist_is_refused_with_a_Chinese_message(string tenant, string message)
    {
        var file = Path.Combine(Path.GetTempPath(), $"register-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "身份证号码,姓名,所在地区,医保类型\r\n");
        try
        {
            var stderr = new StringWriter();

            var exit = await ImportRegisterCommand.RunAsync(
                ["register", "--tenant", tenant, "--file", file, "--connection", database.Server.AppConnectionString],
                TextWriter.Null, stderr);

            Assert.Equal(64, exit);
            Assert.Contains(message, stderr.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Billing_run_command_reports_a_refusal_with_exit_code_1()
    {
        var stderr = new StringWriter();

        var exit = await BillingRunCommand.RunAsync(
            ["--tenant", TenantIds.Yuzhong, "--period", "2027-01", "--connection", database.Server.AppConnectionString], TextWriter.Null, stderr);

        Assert.Equal(1, exit);
        Assert.Contains("YYYY", stderr.ToString(), StringComparison.Ordinal);
    }
}
