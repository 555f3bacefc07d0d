window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/k14"]=[["1e9ef1e27212","hmac-sha256","54d014b871338fc8…",0],["d61a2d821578","hmac-sha256","cfd1f2bccceae8d2…",0]];
