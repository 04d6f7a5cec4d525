namespace LtcInsurance.Cli.Calc;

/// <summary>`ltc calc`: see the calculator contract in docs. (Filled in by the policy-engine work.)</summary>
public static class CalcCommand
{
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        await stderr.WriteLineAsync("calc: not implemented yet");
        return 1;
    }
}
