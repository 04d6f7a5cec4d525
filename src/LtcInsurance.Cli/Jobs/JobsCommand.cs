using System.Globalization;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Jobs;
using LtcInsurance.Application.Jobs.CancelJob;
using LtcInsurance.Application.Jobs.GetJob;
using LtcInsurance.Application.Jobs.ListJobs;
using LtcInsurance.Application.Jobs.ResumeJob;
using LtcInsurance.Cli.Composition;

namespace LtcInsurance.Cli.Jobs;

/// <summary>
/// <c>ltc jobs run-once|list|cancel|resume</c>: the background jobs from the command line, through the same use cases as
/// the pages. <c>run-once</c> recovers jobs whose worker died and runs every queued job of every tenant in this process
/// (for a deployment whose web app runs no worker, e.g. from a timer); <c>resume</c> queues a failed or cancelled job
/// again and runs it here. Exit 0 on success, 1 when refused, 2 when the database cannot be used, 64 for usage errors.
/// </summary>
public static class JobsCommand
{
    public const string Usage = """
        用法 / usage:
          ltc jobs run-once [--connection CS]
          ltc jobs list --tenant X [--kind billing_run|register_import] [--connection CS]
          ltc jobs cancel --tenant X --job ID [--connection CS]
          ltc jobs resume --tenant X --job ID [--connection CS]
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0 || args[0] is not ("run-once" or "list" or "cancel" or "resume"))
        {
            await stderr.WriteLineAsync(Usage);
            return CommandOptions.UsageError;
        }

        var options = await CommandOptions.ParseAsync(args, 1, ["--tenant", "--job", "--kind", "--connection"], [], Usage, stderr);
        if (options is null)
            return CommandOptions.UsageError;
        var connection = options.OrEnvironment("--connection", "ConnectionStrings__Ltc");
        var tenant = options["--tenant"];
        Guid job = Guid.Empty;
        if (string.IsNullOrWhiteSpace(connection)
            || (args[0] != "run-once" && string.IsNullOrWhiteSpace(tenant))
            || (args[0] is "cancel" or "resume" && !Guid.TryParse(options["--job"], CultureInfo.InvariantCulture, out job)))
        {
            await stderr.WriteLineAsync("缺少 --tenant、--job（作业编号）或数据库连接 / --tenant, a valid --job and a connection are required");
            await stderr.WriteLineAsync(Usage);
            return CommandOptions.UsageError;
        }

        await using var services = CliServices.Create(connection, tenant);
        try
        {
            switch (args[0])
            {
                case "run-once":
                    var ran = await services.Jobs.RunOnceAsync();
                    await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"已执行 {ran} 个作业 / {ran} job(s) run"));
                    return 0;
                case "list":
                    foreach (var view in await services.Sender.Send(new ListJobsQuery(options["--kind"], 50)))
                        await PrintAsync(view, stdout);
                    return 0;
                case "cancel":
                    await PrintAsync(await services.Sender.Send(new CancelJobCommand(job)), stdout);
                    return 0;
                default:
                    var resumed = await services.Sender.Send(new ResumeJobCommand(job));
                    await services.Jobs.RunJobAsync(tenant!, job);
                    var done = await services.Sender.Send(new GetJobQuery(job)) ?? resumed;
                    await PrintAsync(done, stdout);
                    return done.Status == JobView.Succeeded ? 0 : 1;
            }
        }
        catch (RequestValidationException refused)
        {
            await stderr.WriteLineAsync($"拒绝 / refused: {refused.Message}");
            return 1;
        }
    }

    private static Task PrintAsync(JobView job, TextWriter stdout) =>
        stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{job.Id}  {job.Kind,-16} {job.Status,-10} {job.ProgressDone}/{job.ProgressTotal}  尝试 {job.Attempts}  {job.CreatedBy}  {job.CreatedAt:yyyy-MM-dd HH:mm:ss}  {job.Message}"));
}
