using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Web.Components.Policies;
using LtcInsurance.Web.Policies;

namespace LtcInsurance.Web.Tests.Policies;

/// <summary>
/// Every case of the repository's case tables, evaluated by the engine and shown the way the calculator shows it:
/// no English identifier may remain in the text of the result or the trace.
/// </summary>
public sealed partial class PolicyLabelsTests
{
    [GeneratedRegex("[a-z][a-zA-Z]+")]
    private static partial Regex English();

    public static TheoryData<string> CaseFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(CasesRoot(), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(CasesRoot(), file));
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseFiles))]
    public void Every_trace_of_the_case_tables_reads_in_Chinese(string file)
    {
        var calculator = new PolicyCalculator();
        var cases = JsonNode.Parse(File.ReadAllText(Path.Combine(CasesRoot(), file)))!.AsArray();
        var english = new SortedSet<string>(StringComparer.Ordinal);
        var evaluated = 0;
        foreach (var node in cases.OfType<JsonObject>())
        {
            PolicyEvaluation evaluation;
            string tenant;
            try
            {
                var policyCase = new CaseReader(calculator, new DateOnly(2026, 1, 1)).Read(node);
                tenant = policyCase.Tenant;
                evaluation = calculator.Evaluate(policyCase);
            }
            catch (PolicyException e) when (e.Code != ErrorCodes.UnknownTenant)
            {
                // a refusal: its message is shown without the raw identifiers it quotes
                Check(CalculationResult.Readable(e.Message), english);
                Check(PolicyLabels.Error(e.Code), english);
                continue;
            }
            catch (PolicyException)
            {
                // an unknown tenant cannot reach the page: the tenant is the signed-in user's
                continue;
            }

            evaluated++;
            var labels = calculator.ListParameters(tenant).ToDictionary(p => p.Name, p => p.Label);
            var display = new PolicyDisplay(labels, (evaluation.Result as AssessmentResult)?.Instrument);
            foreach (var step in evaluation.Trace)
            {
                Check(PolicyLabels.Rule(step.Rule), english);
                Check(step.Description, english);
                Check(PolicyLabels.Clause(step.Clause), english);
                foreach (var parameter in step.Parameters)
                {
                    Check(display.Parameter(parameter), english);
                    Check(PolicyDisplay.Provenance(parameter), english);
                }

                foreach (var (key, value) in step.Inputs.Concat(step.Result))
                    Check(display.Key(key) + "：" + display.Entry(key, value), english);
            }
        }

        Assert.True(english.Count == 0, $"{file}: English left in the Chinese display: {string.Join(" | ", english)}");
        Assert.True(evaluated > 0 || file.Contains("errors", StringComparison.Ordinal), $"{file}: no case evaluated");
    }

    [Fact]
    public void Refusal_messages_keep_their_clause_and_lose_the_raw_parameter_name()
    {
        const string message = "缺少参数「职工个人缴费」(employeeIndividualShare，依据 ZJ 二(三))：2024-03-01 无有效取值，文件将该标准留给地方细则，请管理员先设置后再计算";

        Assert.Equal("ZJ 二(三)", CalculationResult.Clause(message));
        Assert.DoesNotMatch(English(), CalculationResult.Readable(message));
        Assert.Equal("本地未设该服务方式", PolicyLabels.Error(ErrorCodes.ServiceModeNotOffered));
    }

    private static void Check(string text, SortedSet<string> english)
    {
        if (English().IsMatch(text))
            english.Add(text);
    }

    private static string CasesRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LtcInsurance.sln")))
            directory = directory.Parent;
        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("repository root not found"),
            "tests", "LtcInsurance.Domain.Tests", "Cases");
    }
}
