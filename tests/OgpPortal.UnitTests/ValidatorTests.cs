using OgpPortal.Web.Areas.Public.Account;

namespace OgpPortal.UnitTests;

public sealed class ValidatorTests
{
    [Theory]
    [InlineData("", "Enter your e-mail address.")]
    [InlineData("no-at-sign", "Enter an e-mail address like name@example.org.")]
    public void LoginForm_WithABadEmail_SaysWhatToEnter(string email, string message)
    {
        var result = new LoginFormValidator().Validate(new LoginForm { Email = email, Password = "x" });

        result.Errors.Select(e => e.ErrorMessage).ShouldBe([message]);
    }

    [Fact]
    public void LoginForm_WithAnOverlongEmail_IsRefused()
    {
        var result = new LoginFormValidator().Validate(new LoginForm { Email = new string('a', 250) + "@ogp.test", Password = "x" });

        result.Errors.Select(e => e.ErrorMessage).ShouldContain("An e-mail address has at most 256 characters.");
    }

    [Fact]
    public void LoginForm_Complete_IsValid() =>
        new LoginFormValidator().Validate(new LoginForm { Email = "su@ogp.test", Password = "secret" }).IsValid.ShouldBeTrue();

    [Fact]
    public void ResetPasswordForm_WithDifferentPasswords_SaysSo()
    {
        var result = new ResetPasswordFormValidator().Validate(new ResetPasswordForm { Email = "su@ogp.test", Password = "One-password-1!", ConfirmPassword = "Another-1!", Code = "abc" });

        result.Errors.Select(e => e.ErrorMessage).ShouldBe(["The two passwords do not match."]);
    }
}
