using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using OgpPortal.Tests.Shared;

namespace OgpPortal.IntegrationTests.Support;

public static class SignIn
{
    /// <summary>A client that does not follow redirects, so tests see where the portal sends the user.</summary>
    public static HttpClient CreateBrowserlikeClient(this PortalAppFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public static Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string email, string password, string loginUrl = "/account/login") =>
        client.SubmitFormAsync(loginUrl, new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    /// <summary>A client signed in through the real login form.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this PortalAppFactory factory, string email, string password = PortalAppFactory.DemoPassword)
    {
        var client = factory.CreateBrowserlikeClient();
        using var response = await client.PostLoginAsync(email, password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"signing in as {email}");
        return client;
    }
}
