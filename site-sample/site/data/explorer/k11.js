window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/k11"]=[["326fbb9d500d","hmac-sha256","39b0a781e687dbc7…",0]];
