namespace LtcInsurance.Cli.Db;

/// <summary>`ltc db migrate`. (Filled in by the foundation work.)</summary>
public static class DbMigrateCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        await stderr.WriteLineAsync("db migrate: not implemented yet");
        return 1;
    }
}
