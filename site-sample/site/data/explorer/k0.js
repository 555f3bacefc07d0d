window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/k0"]=[["c8faf0db6373","hmac-sha256","56e931c04fd8bf50…",0]];
