using LtcInsurance.Web.Tests.Browser;
using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.Assessments;

/// <summary>The 评估 page (issue #12): the assessment queue with its filters replaces the placeholder.</summary>
[Collection(WebCollection.Name)]
public sealed class AssessmentQueuePageTests(LtcWebHost host)
{
    [Fact]
    public async Task An_assessor_opens_the_assessment_queue_with_its_filters_instead_of_the_placeholder()
    {
        await using var ui = await UiSession.SignInAsync(host, "assessor.jining");
        var page = ui.Page;

        var response = await ui.OpenAsync("/assessments");

        Assert.True(response is { Status: 200 }, $"HTTP {response?.Status}");
        Assert.Contains("评估", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        await page.WaitForSelectorAsync("[data-testid=assess-none], [data-testid=assess-table]");
        Assert.Equal(1, await page.Locator("[data-testid=assess-status]").CountAsync());
        Assert.DoesNotContain("此功能正在建设中", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await ui.AssertAccessibleAsync();
    }
}
