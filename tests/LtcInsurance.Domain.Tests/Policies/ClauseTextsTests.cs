using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Law;

namespace LtcInsurance.Domain.Tests.Policies;

/// <summary>
/// The law beside the code (issue #10 item 5): the clause ids the engine writes in parameters and traces resolve to the
/// text of the documents as written out in docs/policies/sources, embedded in the Domain assembly.
/// </summary>
public class ClauseTextsTests
{
    private static readonly string CasesRoot = Path.Combine(AppContext.BaseDirectory, "Cases");

    [Theory]
    [InlineData("ZJ 二(五)3", "基金支付不设起付标准")]
    [InlineData("ZJ 二(五)1", "失能状态持续6个月以上")]
    [InlineData("ZJ 文末", "本实施意见自2023年10月1日起施行")]
    [InlineData("SS 二(三)", "试点阶段筹资标准暂定为 380 元/人·年，其中个人缴费标准 12 元/人·年、财政补助 368 元/人·年")]
    [InlineData("SS 二(五)4(3)", "参保人员住院、急诊留观期间或在非长期护理服务机构发生的费用")]
    [InlineData("JN 二", "居民基本医疗保险基金按每人每年25元筹集、试点县（市、区）财政按每人每年5元补助")]
    [InlineData("JN 三(二)", "支付比例分别为70%、65%、60%")]
    [InlineData("JN 六", "原则上控制在长期护理保险资金年度筹资总额的2%左右")]
    [InlineData("YZ 四(四)", "护理待遇按日计算")]
    [InlineData("YZ 三", "执行全市统一的基金筹集、待遇享受、资金支付政策")]
    [InlineData("YL 二(三)1", "缴费比例为0.3%（用人单位和参保人员各分担0.15%）")]
    [InlineData("YL 二(四)4(1)", "长护险基金按照职工每人每月限额标准1200元，基金支付比例70%")]
    [InlineData("YL 二(四)4(3)", "职工重度失能一级每人每天35元，重度失能二级每人每天40元，重度失能三级每人每天45元")]
    [InlineData("YL 三(六)", "控制在当年度长护险费总额的5%以内")]
    public void A_clause_holds_the_documents_words_and_figures(string id, string words)
    {
        var clause = ClauseTexts.Get(id);
        Assert.NotNull(clause);
        Assert.Contains(words, clause.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_city_document_is_embedded_with_its_prefix()
    {
        var byTenant = ClauseTexts.All.Values.GroupBy(c => c.Tenant).ToDictionary(g => g.Key, g => g.Select(c => c.Id[..2]).Distinct().Single());
        Assert.Equal(
            new Dictionary<string, string> { ["jining"] = "JN", ["shishi"] = "SS", ["yulin"] = "YL", ["yuzhong"] = "YZ", ["zhenjiang"] = "ZJ" },
            byTenant);
    }

    [Fact]
    public void A_clause_with_sub_clauses_includes_them_and_stops_at_the_next_sibling()
    {
        var standard = ClauseTexts.Get("YL 二(四)4")!;
        Assert.StartsWith("4.待遇支付标准", standard.Text, StringComparison.Ordinal);
        Assert.Contains("1200元", standard.Text, StringComparison.Ordinal);
        Assert.Contains("重度失能三级每人每天45元", standard.Text, StringComparison.Ordinal);
        Assert.Contains("未就业城乡居民长护险待遇标准另行制定", standard.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("待遇计算方式", standard.Text, StringComparison.Ordinal);
        Assert.Equal("4.待遇支付标准", standard.OwnText[..8]);
        Assert.DoesNotContain("1200元", standard.OwnText, StringComparison.Ordinal);

        var section = ClauseTexts.Get("YL 二(四)")!;
        Assert.Contains("6.政策衔接", section.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("三、管理服务", section.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Yulin_numbers_4_and_5_twice_and_the_notes_tell_them_apart()
    {
        Assert.StartsWith("5.待遇计算方式", ClauseTexts.Find("YL 二(四)5").Single().Clause.Text, StringComparison.Ordinal);
        Assert.StartsWith("5.激励约束机制", ClauseTexts.Find("YL 二(四)5（激励约束）").Single().Clause.Text, StringComparison.Ordinal);
        Assert.StartsWith("4.基金支付", ClauseTexts.Find("YL 二(四)4（基金支付）").Single().Clause.Text, StringComparison.Ordinal);
        Assert.Equal(ClauseTexts.Get("YL 五")!.Text, ClauseTexts.Get("YL 文末")!.Text);
    }

    [Theory]
    [InlineData("ZJ 二(五)3、二(六)", new[] { "ZJ 二(五)3", "ZJ 二(六)" })]
    [InlineData("ZJ 文末（自2023年10月1日起施行）", new[] { "ZJ 文末" })]
    [InlineData("SS 二(五)1-2、YZ 四(一)1", new[] { "SS 二(五)1", "SS 二(五)2", "YZ 四(一)1" })]
    [InlineData("ZJ 二(三), SS 二(三), YZ 二, YL 二(三)1–4", new[] { "ZJ 二(三)", "SS 二(三)", "YZ 二", "YL 二(三)1", "YL 二(三)2", "YL 二(三)3", "YL 二(三)4" })]
    [InlineData("YZ 二、三（执行全市统一筹资政策）", new[] { "YZ 二", "YZ 三" })]
    [InlineData("JN 序言（2022年市政府为民办实事；通知未载施行日，团队取2022-01-01）", new[] { "JN 序言" })]
    [InlineData("SS 二(四)；等级划分表：见评估量表说明文档", new[] { "SS 二(四)" })]
    [InlineData("SS 二(四); band table: docs assessment-instruments.md", new[] { "SS 二(四)" })]
    [InlineData("ZJ 二（五）3", new[] { "ZJ 二(五)3" })]
    [InlineData("YL 二(一)、二(三)4、YL 二(一)", new[] { "YL 二(一)", "YL 二(三)4" })]
    public void Combined_references_return_each_referenced_clause_once(string reference, string[] ids)
    {
        var lookup = ClauseTexts.Resolve(reference);
        Assert.True(lookup.Complete, string.Join("、", lookup.Unresolved));
        Assert.Equal(ids, lookup.Matches.Select(m => m.Clause.Id));
        Assert.All(lookup.Matches, m => Assert.False(m.FromParent));
    }

    [Fact]
    public void A_sub_clause_without_its_own_anchor_resolves_to_its_parent()
    {
        var match = ClauseTexts.Find("ZJ 二(三)2").Single();
        Assert.Equal("ZJ 二(三)", match.Clause.Id);
        Assert.Equal("ZJ 二(三)2", match.Requested);
        Assert.True(match.FromParent);
    }

    [Theory]
    [InlineData("ZJ 九(一)")]
    [InlineData("QQ 二(一)")]
    [InlineData("JN 八")]
    [InlineData("YL 六、二(一)")]
    public void An_unknown_clause_id_is_unresolved(string reference)
    {
        var lookup = ClauseTexts.Resolve(reference);
        Assert.False(lookup.Complete);
        Assert.NotEmpty(lookup.Unresolved);
        Assert.NotEmpty(UnresolvedReferences([reference]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("默认门槛（重度）")]
    public void Text_without_a_clause_id_finds_nothing(string? reference)
    {
        var lookup = ClauseTexts.Resolve(reference);
        Assert.Empty(lookup.Matches);
        Assert.False(lookup.Complete);
    }

    [Property(MaxTest = 200)]
    public Property Any_two_clause_ids_joined_resolve_to_both()
    {
        var ids = ClauseTexts.All.Keys.Order(StringComparer.Ordinal).ToArray();
        var gen = Gen.Elements(ids).Two();
        return Prop.ForAll(gen.ToArbitrary(), pair =>
        {
            var (a, b) = pair;
            var lookup = ClauseTexts.Resolve($"{a}、{b}");
            var expected = new[] { ClauseTexts.All[a].Id, ClauseTexts.All[b].Id }.Distinct().ToArray();
            return lookup.Complete && lookup.Matches.Select(m => m.Clause.Id).SequenceEqual(expected) && lookup.Matches.All(m => !m.FromParent);
        });
    }

    [Fact]
    public void Parsing_rejects_a_document_that_declares_a_clause_twice()
    {
        const string markdown = "<a id=\"ZJ-一\"></a>\n\n一、总体要求\n\n<a id=\"ZJ-一\"></a>\n\n一、又一次\n";
        Assert.Throws<InvalidOperationException>(() => ClauseTexts.Parse("zhenjiang", markdown));
    }

    [Fact]
    public void Every_clause_the_city_modules_use_in_parameters_and_traces_has_its_text()
    {
        var references = CityClauseReferences().ToList();
        Assert.True(references.Count > 80, $"only {references.Count} references collected");
        // every city module and every trace-producing kind contributed
        Assert.All(new[] { "ZJ ", "SS ", "JN ", "YZ ", "YL " }, prefix => Assert.Contains(references, r => r.Contains(prefix, StringComparison.Ordinal)));
        var unresolved = UnresolvedReferences(references);
        Assert.True(unresolved.Count == 0, "clause references without text:\n" + string.Join("\n", unresolved));
    }

    /// <summary>The references that do not resolve completely, with what is missing.</summary>
    private static List<string> UnresolvedReferences(IEnumerable<string> references) =>
        references.Distinct(StringComparer.Ordinal)
            .Select(r => (Reference: r, Lookup: ClauseTexts.Resolve(r)))
            .Where(x => !x.Lookup.Complete)
            .Select(x => $"{x.Reference} → {(x.Lookup.Matches.Count == 0 ? "nothing" : "unknown " + string.Join("、", x.Lookup.Unresolved))}")
            .ToList();

    /// <summary>
    /// Clause strings of the five city modules: every parameter definition, and every trace step of the project's case
    /// tables (examples and independent suites) evaluated with the documents' defaults. The national 2021 instrument's
    /// source names the national standard, not one of the five documents, and is left out.
    /// </summary>
    private static IEnumerable<string> CityClauseReferences()
    {
        foreach (var (_, definitions) in PolicyCalculator.DefaultParameters)
        {
            foreach (var definition in definitions)
                yield return definition.Clause;
        }

        var national = AssessmentInstrument.BuiltInTable("national2021").Source;
        var calculator = new PolicyCalculator();
        var reader = new CaseReader(calculator, new DateOnly(2030, 1, 1));
        var traced = 0;
        foreach (var file in Directory.EnumerateFiles(CasesRoot, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            foreach (var node in (JsonArray)JsonNode.Parse(File.ReadAllText(file))!)
            {
                PolicyEvaluation evaluation;
                try
                {
                    var policyCase = reader.Read(node!.AsObject());
                    if (string.IsNullOrEmpty(policyCase.Tenant))
                        continue;
                    evaluation = calculator.Evaluate(policyCase);
                }
                catch (PolicyException)
                {
                    continue; // refusals carry no trace
                }

                traced++;
                foreach (var step in evaluation.Trace.Where(s => s.Clause != national))
                {
                    yield return step.Clause;
                    foreach (var parameter in step.Parameters)
                        yield return parameter.Clause;
                }
            }
        }

        Assert.True(traced > 50, $"only {traced} cases produced a trace");
    }
}
