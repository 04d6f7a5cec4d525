using System.Net;
using LtcInsurance.Web.Assessment;
using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.Assessments;

/// <summary>
/// The conclusion letter's PDF endpoint: clerk, assessor and admin only; an application the city does not have (or another
/// city's) is a 404, never a 500. The letter itself is rendered and checked in the integration tests (PublicityObjectionTests).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ConclusionLetterEndpointTests(LtcWebHost host)
{
    [Theory]
    [InlineData("clerk.jining")]
    [InlineData("admin.jining")]
    public async Task An_unknown_application_is_not_found(string user)
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, user);

        using var response = await client.GetAsync(AssessmentEndpoints.ConclusionLetterUrl(Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("auditor.jining")]
    [InlineData("institution.jining")]
    public async Task Auditor_and_institution_users_are_denied(string user)
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, user);

        using var response = await client.GetAsync(AssessmentEndpoints.ConclusionLetterUrl(Guid.NewGuid()));

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"gave {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect)
            Assert.Equal("/account/denied", response.Headers.Location?.AbsolutePath);
    }
}
