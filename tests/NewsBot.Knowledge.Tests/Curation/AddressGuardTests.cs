using System.Net;
using NewsBot.Knowledge.Curation.Web;

namespace NewsBot.Knowledge.Tests.Curation;

public sealed class AddressGuardTests
{
    [Theory]
    [InlineData("127.0.0.1", "a loopback address")]
    [InlineData("127.8.9.10", "a loopback address")]
    [InlineData("::1", "a loopback address")]
    [InlineData("10.0.0.1", "a private address")]
    [InlineData("172.16.0.1", "a private address")]
    [InlineData("172.31.255.255", "a private address")]
    [InlineData("192.168.1.1", "a private address")]
    [InlineData("169.254.169.254", "a link-local address")]
    [InlineData("100.64.0.1", "a shared (carrier-grade NAT) address")]
    [InlineData("0.0.0.0", "an unspecified address")]
    [InlineData("224.0.0.1", "a multicast address")]
    [InlineData("255.255.255.255", "a reserved address")]
    [InlineData("fd12:3456::1", "a private address")]
    [InlineData("fe80::1", "a link-local address")]
    [InlineData("ff02::1", "a multicast address")]
    [InlineData("::", "an unspecified address")]
    [InlineData("::ffff:10.0.0.1", "a private address")]
    [InlineData("64:ff9b::a9fe:a9fe", "a link-local address")]
    public void NonPublicKind_NamesTheKind_OfAddressesAFetchMustNotReach(string address, string kind)
    {
        Assert.Equal(kind, AddressGuard.NonPublicKind(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void NonPublicKind_IsNull_ForPublicAddresses(string address)
    {
        Assert.Null(AddressGuard.NonPublicKind(IPAddress.Parse(address)));
    }
}
