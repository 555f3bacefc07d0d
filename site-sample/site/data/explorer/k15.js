window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/k15"]=[["77d3326896b4","hmac-sha256","0ee52617e5a0f475…",0]];
